package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Warning light of an item (DESIGN.md): on track, deadline near, behind plan, overdue. */
public enum WarningLight implements Labelled {
    GREEN("正常"),
    BLUE("临期"),
    YELLOW("滞后"),
    RED("逾期");

    private final String label;

    WarningLight(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
