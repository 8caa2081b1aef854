package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Where a supervision order stands. Past its due date without a response it is also overdue (a flag, not a status). */
public enum OrderStatus implements Labelled {
    ISSUED("已下发"),
    RESPONDED("已反馈"),
    RETURNED("已退办"),
    CLOSED("已办结"),
    WITHDRAWN("已撤回");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Waiting for the unit's response (and so able to become overdue). */
    public boolean awaitsResponse() {
        return this == ISSUED || this == RETURNED;
    }
}
