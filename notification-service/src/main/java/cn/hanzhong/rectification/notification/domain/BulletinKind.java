package cn.hanzhong.rectification.notification.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** The monthly bulletin (drawn and published by the schedule, once per month) or one the office asks for. */
public enum BulletinKind implements Labelled {
    MONTHLY("月度通报"),
    ON_DEMAND("专题通报");

    private final String label;

    BulletinKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
