package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** How hard the office presses (督办级别). */
public enum SupervisionLevel implements Labelled {
    GENERAL("一般督办"),
    KEY("重点督办"),
    LISTED("挂牌督办");

    private final String label;

    SupervisionLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
