package cn.hanzhong.rectification.notification.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** A bulletin is a draft until the office publishes it (numbered, sent to every unit, immutable). */
public enum BulletinStatus implements Labelled {
    DRAFT("草稿"),
    PUBLISHED("已印发");

    private final String label;

    BulletinStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
