package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** State of a deadline extension request. */
public enum ExtensionStatus implements Labelled {
    REQUESTED("待审批"),
    APPROVED("已批准"),
    REJECTED("未批准");

    private final String label;

    ExtensionStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
