package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Problem areas of the plan. */
public enum Category implements Labelled {
    AIR("大气污染"),
    WATER("水污染"),
    SOIL("土壤污染"),
    ECOLOGY("生态保护"),
    SOLID_WASTE("固体废物（含医废危废）"),
    LIVESTOCK("畜禽养殖污染"),
    TAILINGS("尾矿库"),
    MINING_RESTORATION("矿山生态修复"),
    RIVER_SAND("河道采砂"),
    INSTITUTIONAL("体制机制与责任落实"),
    OTHER("其他");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
