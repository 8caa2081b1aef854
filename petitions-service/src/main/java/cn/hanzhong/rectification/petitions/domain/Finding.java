package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Whether the reported problem was true (是否属实). */
public enum Finding implements Labelled {
    TRUE("属实"),
    MOSTLY_TRUE("基本属实"),
    PARTLY_TRUE("部分属实"),
    FALSE("不属实");

    private final String label;

    Finding(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
