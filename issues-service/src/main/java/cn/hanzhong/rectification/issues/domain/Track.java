package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Rectify, regularise or consolidate (整改一批、规范一批、巩固一批). */
public enum Track implements Labelled {
    RECTIFY("整改一批"),
    REGULARISE("规范一批"),
    CONSOLIDATE("巩固一批");

    private final String label;

    Track(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
