package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Short, medium or long-term task. */
public enum Term implements Labelled {
    SHORT("短期"),
    MEDIUM("中期"),
    LONG("长期");

    private final String label;

    Term(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
