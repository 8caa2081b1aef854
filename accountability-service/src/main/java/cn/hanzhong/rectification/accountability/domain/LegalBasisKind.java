package cn.hanzhong.rectification.accountability.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Kinds of legal bases. */
public enum LegalBasisKind implements Labelled {
    LAW("法律"),
    PARTY_REGULATION("党内法规"),
    ADMINISTRATIVE_REGULATION("行政法规"),
    LOCAL_REGULATION("地方性规定");

    private final String label;

    LegalBasisKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
