package cn.hanzhong.rectification.accountability.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Whom a case concerns. */
public enum SubjectKind implements Labelled {
    PERSON("个人"),
    UNIT("单位");

    private final String label;

    SubjectKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
