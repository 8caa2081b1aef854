package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Where a petition stands from receipt to closing and look-back. */
public enum PetitionStatus implements Labelled {
    RECEIVED("已受理"),
    ASSIGNED("已交办"),
    INVESTIGATING("调查处理中"),
    CONCLUDED("已办理待审核"),
    CLOSED("已办结"),
    CONFIRMED("回头看已确认"),
    DUPLICATE("重复件");

    private final String label;

    PetitionStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Still being handled: deadlines and overdue alerts apply. */
    public boolean isOpen() {
        return this == RECEIVED || this == ASSIGNED || this == INVESTIGATING || this == CONCLUDED;
    }
}
