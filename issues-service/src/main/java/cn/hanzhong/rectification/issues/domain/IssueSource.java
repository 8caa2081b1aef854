package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Where an issue came from. */
public enum IssueSource implements Labelled {
    REPORT("反馈问题"),
    HANDED_OVER("交办问题"),
    PETITION("信访举报"),
    SELF_FOUND("举一反三");

    private final String label;

    IssueSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
