package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Immediate rectification or a plan with a time limit. */
public enum Approach implements Labelled {
    IMMEDIATE("立行立改"),
    TIME_BOUND("限时整改");

    private final String label;

    Approach(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
