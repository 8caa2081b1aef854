package cn.hanzhong.rectification.platform.search;

import cn.hanzhong.rectification.platform.paging.NativePages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How common a search term can be, from what PostgreSQL's statistics say of a grams column
 * ({@code pg_stats.most_common_elems}): a row holding the term holds each of its grams, so the share of rows holding
 * the term is at most the share holding its rarest gram — and a gram the statistics do not list is rarer than the
 * rarest they do. The planner multiplies the grams' shares as if they were independent; a term's grams are not (every
 * row with 扬尘污染 has 扬尘, 尘污 and 污染), so it expects 2 000 issues of a term a hundred thousand hold and picks the
 * plan for a rare one. This bound is what tells a common term from a rare one instead.
 *
 * <p>Read once per table and column, again after {@link #REFRESH}: the statistics change only when the table is
 * analyzed. A column without statistics (a table never analyzed) bounds nothing: 1.
 */
@ApplicationScoped
public class GramStatistics {

    static final Duration REFRESH = Duration.ofMinutes(10);

    private record Elements(Map<String, Double> shares, double floor, long readAt) {

        double share(String gram) {
            return shares.getOrDefault(gram, floor);
        }
    }

    private final Map<String, Elements> read = new ConcurrentHashMap<>();

    /**
     * The search term {@code q}'s {@code condition} (null: no term) as the narrowing of a list of {@code table}, with
     * the share of rows its grams in {@code column} bound.
     */
    public NativePages.Narrowing narrowing(EntityManager em, String table, String column, String condition, String q) {
        return condition == null ? null
                : new NativePages.Narrowing(condition, maxShare(em, table, column, SearchGrams.lookedUp(q.strip())));
    }

    /** The largest share of {@code table}'s rows that can hold all of {@code grams} (0–1; 1 when nothing is known). */
    public double maxShare(EntityManager em, String table, String column, Set<String> grams) {
        if (grams.isEmpty()) {
            return 1;
        }
        Elements e = read.get(table + "." + column);
        if (e == null || System.nanoTime() - e.readAt() > REFRESH.toNanos()) {
            e = load(em, table, column);
            read.put(table + "." + column, e);
        }
        double max = 1;
        for (String g : grams) {
            max = Math.min(max, e.share(g));
        }
        return max;
    }

    private static Elements load(EntityManager em, String table, String column) {
        // The frequencies run two or three entries longer than the elements (their minimum, maximum and the null
        // share): unnest pairs those with null elements.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select u.element, u.share from pg_stats s
                        left join lateral unnest(cast(cast(s.most_common_elems as text) as text[]), s.most_common_elem_freqs)
                            as u(element, share) on true
                        where s.schemaname = current_schema() and s.tablename = :table and s.attname = :column""")
                .setParameter("table", table).setParameter("column", column).getResultList();
        if (rows.isEmpty()) {
            return new Elements(Map.of(), 1, System.nanoTime());
        }
        Map<String, Double> shares = new HashMap<>();
        for (Object[] r : rows) {
            if (r[0] != null && r[1] != null) {
                shares.put((String) r[0], ((Number) r[1]).doubleValue());
            }
        }
        // Analyzed but no element common enough to be listed: every gram is rare.
        double floor = shares.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return new Elements(Map.copyOf(shares), floor, System.nanoTime());
    }
}
