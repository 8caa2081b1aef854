package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Where an issue stands in its life from registration to sign-off (销号). */
public enum IssueStatus implements Labelled {
    REGISTERED("已登记"),
    ASSIGNED("已交办"),
    IN_PROGRESS("整改中"),
    ACCEPTANCE_REQUESTED("申请验收"),
    PUBLIC_NOTICE("销号公示中"),
    SIGNED_OFF("已销号"),
    CANCELLED("已撤销");

    private final String label;

    IssueStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Still to be rectified: deadlines, warnings and overdue alerts apply. */
    public boolean isOpen() {
        return this != SIGNED_OFF && this != CANCELLED;
    }
}
