package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Where a look-back check (回头看核查) stands: assigned, or its finding. */
public enum LookBackOutcome implements Labelled {
    ASSIGNED("待核查"),
    CONFIRMED("整改成效巩固"),
    RECURRED("问题反弹"),
    PAPER_RECTIFICATION("虚假整改、表面整改");

    private final String label;

    LookBackOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether the finding sends the issue back to rectification. */
    public boolean reopens() {
        return this == RECURRED || this == PAPER_RECTIFICATION;
    }
}
