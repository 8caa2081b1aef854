package cn.hanzhong.rectification.accountability.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

import java.util.Arrays;
import java.util.Optional;

/** The rank band of a person held accountable (干部层级), as the figures count them. */
public enum RankBand implements Labelled {
    BUREAU("厅局级"),
    COUNTY("县处级"),
    TOWNSHIP("乡科级"),
    OTHER("其他");

    private final String label;

    RankBand(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The band given by its code or its Chinese label. */
    public static Optional<RankBand> parse(String text) {
        return text == null ? Optional.empty() : Arrays.stream(values())
                .filter(b -> b.name().equals(text.strip()) || b.label.equals(text.strip())).findFirst();
    }
}
