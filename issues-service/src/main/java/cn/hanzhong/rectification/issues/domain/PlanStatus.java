package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Where a unit's implementation plan (整改实施方案) stands. */
public enum PlanStatus implements Labelled {
    REQUIRED("待报送"),
    SUBMITTED("已报送，待审核"),
    ACCEPTED("审核通过"),
    RETURNED("退回修改");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether the unit still owes a plan. */
    public boolean owed() {
        return this == REQUIRED || this == RETURNED;
    }
}
