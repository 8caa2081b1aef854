package cn.hanzhong.rectification.platform.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Code lists with Chinese labels, served by each service's {@code vocabularies} endpoint. */
public final class Vocabulary {

    /** One code and its label. */
    @Schema(name = "VocabularyEntry")
    public record Entry(@Schema(examples = "IMMEDIATE") String code, @Schema(examples = "立行立改") String label) {
    }

    private Vocabulary() {
    }

    public static <E extends Enum<E> & Labelled> List<Entry> of(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> new Entry(e.name(), e.label())).toList();
    }

    /** Builds {@code {name: [{code, label}, ...]}} in the given order. */
    public static Map<String, List<Entry>> of(Map.Entry<String, List<Entry>>... lists) {
        Map<String, List<Entry>> m = new LinkedHashMap<>();
        for (Map.Entry<String, List<Entry>> e : lists) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }
}
