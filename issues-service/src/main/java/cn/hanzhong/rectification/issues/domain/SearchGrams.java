package cn.hanzhong.rectification.issues.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Character bigrams for substring search. Trigram indexes cannot find 2-character Chinese terms
 * (扬尘, 镉), so each issue keeps the set of its adjacent character pairs in a GIN-indexed array: a
 * query's bigrams must all be present (index), then the exact substring is checked.
 */
public final class SearchGrams {

    private SearchGrams() {
    }

    public static List<String> of(String... texts) {
        Set<String> grams = new LinkedHashSet<>();
        for (String t : texts) {
            grams.addAll(bigrams(t));
        }
        return List.copyOf(grams);
    }

    /** The distinct bigrams of {@code text}, lower-cased, never spanning whitespace. */
    public static Set<String> bigrams(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        int[] cps = text.toLowerCase(Locale.ROOT).codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            if (Character.isWhitespace(cps[i]) || Character.isWhitespace(cps[i + 1])) {
                continue;
            }
            out.add(new String(cps, i, 2));
        }
        return out;
    }
}
