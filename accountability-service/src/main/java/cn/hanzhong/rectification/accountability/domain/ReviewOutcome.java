package cn.hanzhong.rectification.accountability.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** The outcome of a review or appeal of a decision (复核/申诉). */
public enum ReviewOutcome implements Labelled {
    UPHELD("维持原决定"),
    CHANGED("变更处理"),
    REVOKED("撤销处理");

    private final String label;

    ReviewOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
