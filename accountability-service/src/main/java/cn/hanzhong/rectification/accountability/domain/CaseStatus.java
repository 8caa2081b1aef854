package cn.hanzhong.rectification.accountability.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Where an accountability case stands. */
public enum CaseStatus implements Labelled {
    PROPOSED("线索待处置"),
    OPENED("已立案"),
    INVESTIGATING("调查中"),
    DECIDED("已作出处理决定"),
    CLOSED("已结案"),
    DISMISSED("不予立案");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
