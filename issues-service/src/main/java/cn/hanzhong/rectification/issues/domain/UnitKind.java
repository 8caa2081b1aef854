package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Kinds of responsible units. */
public enum UnitKind implements Labelled {
    OFFICE("整改办"),
    CITY_DEPARTMENT("市直部门"),
    COUNTY_DISTRICT("县（区）"),
    MANAGEMENT_COMMITTEE("管委会"),
    LEADING_GROUP("领导小组");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
