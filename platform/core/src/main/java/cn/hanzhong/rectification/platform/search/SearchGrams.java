package cn.hanzhong.rectification.platform.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Character grams for substring search over Chinese text. Trigram indexes cannot find 1- or 2-character Chinese
 * terms (扬尘, 镉), so each row keeps the set of its characters and of its adjacent character pairs in a GIN-indexed
 * array: a query's bigrams (a one-character query: its character) must all be present (index), then the exact
 * substring is checked.
 */
public final class SearchGrams {

    private SearchGrams() {
    }

    public static List<String> of(String... texts) {
        Set<String> grams = new LinkedHashSet<>();
        for (String t : texts) {
            grams.addAll(bigrams(t));
            grams.addAll(characters(t));
        }
        return List.copyOf(grams);
    }

    /**
     * The SQL condition for a substring query over {@code columns} of a table with a GIN-indexed
     * {@code text[]} column {@code gramsColumn}: parameters {@code :grams} and {@code :like} are put
     * into {@code params}. A one-character query looks up its character. A null {@code gramsColumn} (the columns
     * searched are not the ones the grams were built from) falls back to {@code ILIKE} alone.
     */
    public static String condition(String q, String gramsColumn, List<String> columns, Map<String, Object> params) {
        StringBuilder w = new StringBuilder();
        Set<String> grams = lookedUp(q);
        if (gramsColumn != null && !grams.isEmpty()) {
            w.append(gramsColumn).append(" @> cast(:grams as text[]) and ");
            params.put("grams", arrayLiteral(grams));
        }
        w.append('(');
        for (int i = 0; i < columns.size(); i++) {
            w.append(i == 0 ? "" : " or ").append(columns.get(i)).append(" ilike :like escape '\\'");
        }
        w.append(')');
        params.put("like", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        return w.toString();
    }

    /**
     * As {@link #condition}, where {@code columns} are exactly the texts the grams in {@code gramsColumn} were built
     * from ({@link #of}): a term of one or two characters without whitespace is then decided by the grams alone — a
     * row holds the gram exactly when one of its texts contains the term, ignoring case — so the matching rows' texts
     * are not read again (at a common term, tens of thousands of them).
     */
    public static String conditionOverSources(String q, String gramsColumn, List<String> columns, Map<String, Object> params) {
        int length = q.codePointCount(0, q.length());
        if (length > 2 || length == 0 || q.codePoints().anyMatch(Character::isWhitespace)) {
            return condition(q, gramsColumn, columns, params);
        }
        params.put("grams", arrayLiteral(Set.of(q.toLowerCase(Locale.ROOT))));
        return gramsColumn + " @> cast(:grams as text[])";
    }

    /**
     * The grams a row must hold to match {@code q} (its bigrams; a one-character term: its character), as
     * {@link #condition} and {@link #conditionOverSources} look them up — for {@link GramStatistics#maxShare}.
     */
    public static Set<String> lookedUp(String q) {
        Set<String> grams = bigrams(q);
        return grams.isEmpty() ? characters(q) : grams;
    }

    /** A PostgreSQL array literal; every element quoted so no text can break out of it. */
    public static String arrayLiteral(Set<String> values) {
        return values.stream()
                .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** The distinct characters of {@code text} but whitespace, lower-cased. */
    public static Set<String> characters(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            text.toLowerCase(Locale.ROOT).codePoints().filter(c -> !Character.isWhitespace(c))
                    .forEach(c -> out.add(Character.toString(c)));
        }
        return out;
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
