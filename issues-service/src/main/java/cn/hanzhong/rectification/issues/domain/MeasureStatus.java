package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Where one measure (整改措施) of an issue stands. */
public enum MeasureStatus implements Labelled {
    PENDING("未完成"),
    DONE("已完成");

    private final String label;

    MeasureStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
