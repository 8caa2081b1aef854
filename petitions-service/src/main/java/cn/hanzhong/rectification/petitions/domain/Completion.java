package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Whether the case is done (是否办结). */
public enum Completion implements Labelled {
    DONE("已办结"),
    PHASED("阶段性办结"),
    ONGOING("未办结");

    private final String label;

    Completion(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
