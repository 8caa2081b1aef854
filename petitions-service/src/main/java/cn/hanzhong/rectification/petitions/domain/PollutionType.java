package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Pollution types of the disclosure tables. */
public enum PollutionType implements Labelled {
    WATER("水"),
    AIR("大气"),
    SOIL("土壤"),
    ECOLOGY("生态"),
    NOISE("噪声"),
    RADIATION("辐射"),
    SOLID_WASTE("固废"),
    COOKING_FUMES("油烟"),
    DUST("扬尘"),
    OTHER("其他");

    private final String label;

    PollutionType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
