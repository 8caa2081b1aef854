package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** How the petition reached the inspection team. */
public enum Channel implements Labelled {
    PHONE("来电"),
    LETTER("来信"),
    ONLINE("网络"),
    VISIT("来访"),
    WECHAT("微信");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
