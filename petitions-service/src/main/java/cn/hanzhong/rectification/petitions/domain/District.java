package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Administrative areas of Hanzhong (行政区域): the 11 counties/districts and the 3 management committees. */
public enum District implements Labelled {
    HTQ("汉台区"),
    NZQ("南郑区"),
    CGX("城固县"),
    YX("洋县"),
    XXX("西乡县"),
    MX("勉县"),
    NQX("宁强县"),
    LYX("略阳县"),
    ZBX("镇巴县"),
    LBX("留坝县"),
    FPX("佛坪县"),
    JKQ("汉中经济技术开发区"),
    XHXQ("兴汉新区"),
    HKXC("航空智慧新城");

    private final String label;

    District(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
