package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** The office's ruling on an objection to a sign-off. */
public enum ObjectionStatus implements Labelled {
    PENDING("待处理"),
    UPHELD("异议成立"),
    DISMISSED("异议不成立");

    private final String label;

    ObjectionStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
