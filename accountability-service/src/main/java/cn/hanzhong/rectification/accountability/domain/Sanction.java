package cn.hanzhong.rectification.accountability.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Sanctions of the party-discipline and administrative ladders (问责和处分方式). */
public enum Sanction implements Labelled {
    ADMONISHMENT_TALK("诫勉谈话"),
    PUBLIC_APOLOGY("责令公开道歉"),
    CIRCULATED_CRITICISM("通报批评"),
    ORGANISATIONAL_HANDLING("组织调整或组织处理"),
    PARTY_WARNING("党内警告"),
    PARTY_SERIOUS_WARNING("党内严重警告"),
    PARTY_POST_REMOVAL("撤销党内职务"),
    PARTY_PROBATION("留党察看"),
    PARTY_EXPULSION("开除党籍"),
    ADMIN_WARNING("警告"),
    DEMERIT("记过"),
    MAJOR_DEMERIT("记大过"),
    DEMOTION("降级"),
    DISMISSAL_FROM_POST("撤职"),
    EXPULSION("开除"),
    TRANSFER_TO_JUDICIARY("移送司法机关");

    private final String label;

    Sanction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
