package cn.hanzhong.rectification.platform.paging;

import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of a large table searched in native SQL: a bounded count ({@link Count}), numbered pages up to
 * {@link PageRequest#MAX_OFFSET} and keyset pages after a cursor, each page handing out the cursor of the next. The
 * rows are loaded read-only: a page is for reading, never for changing them.
 *
 * @param table  {@code "issue i"}: the table and the alias the {@code where} and the sort properties use
 * @param alias  the alias alone ({@code "i"}); the table's key is {@code alias.id} (a UUID)
 */
public record NativePages<E>(EntityManager em, Class<E> type, String table, String alias, Function<E, UUID> idOf) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A condition that narrows a list (a search term), beside its filters, and the largest share of the table's rows
     * it can keep as the statistics tell ({@code GramStatistics}; 1 when they tell nothing).
     */
    public record Narrowing(String condition, double maxShare) {
    }

    /**
     * A term that may be held by this share of the rows or more is looked for first by walking the list's order
     * ({@link #page(String, Narrowing, Map, PageRequest)}).
     */
    static final double COMMON_SHARE = 0.02;
    /**
     * How many filtered rows, in the list's order, that walk reads at most before the term's own index is asked: four
     * times what the term's share needs to fill the page, within 200 and 5 000. Not always 5 000: the planner plans
     * the walk for all of it, and 5 000 rows of a 100 000-row table it reads whole and sorts (120 ms) rather than
     * walk an index for the few hundred it needs.
     */
    static int window(long upTo, double share) {
        return (int) Math.max(200, Math.min(5_000, Math.ceil(4 * upTo / Math.max(share, 1e-6))));
    }

    /** {@code where} starts with {@code " where "}; its parameters are in {@code params}. */
    public Page<E> page(String where, Map<String, Object> params, PageRequest request) {
        return page(where, null, params, request);
    }

    /**
     * A page of the rows that pass {@code filters} (starting {@code " where "}) and {@code narrowing} (may be null).
     * The planner takes a common term of several characters for a rare one (it multiplies its grams' shares, which
     * are not independent), and then reads every row holding the term to sort them: 14 000 rows, 90 ms at a million
     * issues. So a term the statistics say may be common is first looked for among the first filtered
     * rows in the list's order ({@link #window}), as an index on that order hands them out, stopping at the page's last row — a
     * common term fills the page within a few hundred (4 ms). Only when the walk does not fill the page (the term is
     * rarer than its grams, or the list is short) is the whole query run, the term's index first. Both give the
     * same rows: the walk reads a prefix of the order, and the matches in a prefix are the first matches.
     */
    public Page<E> page(String filters, Narrowing narrowing, Map<String, Object> params, PageRequest request) {
        String where = narrowing == null ? filters : filters + " and " + narrowing.condition();
        String keyset = "";
        if (request.after() != null) {
            keyset = " and " + Keyset.after(request.sort(), anchorValues(request.sort()), anchorNulls(request));
        }
        long offset = request.after() != null ? 0 : request.offset();
        List<E> rows = null;
        int window = narrowing == null ? 0 : window(offset + request.size() + 1, narrowing.maxShare());
        boolean walk = narrowing != null && narrowing.maxShare() >= COMMON_SHARE && !request.sort().isEmpty()
                && offset + request.size() < window;
        if (walk) {
            // The derived table takes the table's alias, so the narrowing and the order read the same names.
            rows = select("select " + alias + ".* from (select " + alias + ".* from " + table + filters + keyset
                    + request.orderByClause() + " limit " + window + ") " + alias + " where " + narrowing.condition()
                    + request.orderByClause() + " limit :limit offset :offset", params, request, offset);
            if (rows.size() <= request.size()) {
                rows = null; // rarer than its grams, at least here: the term's own index, and its count, decide
                walk = false;
            }
        }
        if (rows == null) {
            rows = select("select " + alias + ".* from " + table + where + keyset + request.orderByClause()
                    + " limit :limit offset :offset", params, request, offset);
        }
        String next = null;
        if (rows.size() > request.size()) {
            rows = rows.subList(0, request.size());
            next = Cursor.of(idOf.apply(rows.get(rows.size() - 1)));
        }
        // A first page that holds every match is its own count (a rare term: no second pass over the matches).
        boolean firstPage = request.after() == null && request.offset() == 0;
        Count count = firstPage && next == null ? Count.exact(rows.size()) : count(where, params,
                walk ? (long) Math.ceil(estimate(filters, params) * narrowing.maxShare()) : 0);
        return Page.of(rows, request, count, next);
    }

    private List<E> select(String sql, Map<String, Object> params, PageRequest request, long offset) {
        Query select = bind(em.createNativeQuery(sql, type), sql, params);
        // A page is for reading: no snapshot of its rows is kept for a dirty check that never comes.
        select.setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true);
        if (request.after() != null) {
            select.setParameter("after", request.after());
        }
        select.setParameter("limit", request.size() + 1);
        select.setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<E> rows = new ArrayList<>(select.getResultList());
        return rows;
    }

    /**
     * Exact up to {@link Count#EXACT_UP_TO} matches (the count stops there); beyond, the planner's estimate of the
     * same query, flagged. A million-row filter thus costs at most a thousand rows read, not a million — and nothing
     * read when the planner expects five times the bound: at a common term the bitmaps alone of a bounded count cost
     * more than the page (deploy/bench/search). The estimate of a term is good when the term is common (the column's
     * most common elements) and high, not low, when it is rare, so a small result is still counted.
     */
    public Count count(String where, Map<String, Object> params) {
        return count(where, params, 0);
    }

    /**
     * As {@link #count(String, Map)}, the estimate at least {@code atLeast}: what the filters' rows and a common
     * term's share bound (the planner's own estimate of a common term of several characters is far too low).
     */
    private Count count(String where, Map<String, Object> params, long atLeast) {
        long estimate = Math.max(atLeast, estimate(where, params));
        if (estimate >= 5L * Count.EXACT_UP_TO) {
            return Count.estimate(estimate);
        }
        String sql = "select count(*) from (select 1 from " + table + where + " limit " + (Count.EXACT_UP_TO + 1)
                + ") bounded";
        Query bounded = bind(em.createNativeQuery(sql), sql, params);
        long n = ((Number) bounded.getSingleResult()).longValue();
        return n <= Count.EXACT_UP_TO ? Count.exact(n) : Count.estimate(estimate);
    }

    private long estimate(String where, Map<String, Object> params) {
        String sql = "explain (format json) select 1 from " + table + where;
        Query explain = bind(em.createNativeQuery(sql), sql, params);
        try {
            JsonNode plan = JSON.readTree(String.valueOf(explain.getSingleResult()));
            return plan.path(0).path("Plan").path("Plan Rows").asLong();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return 0;
        }
    }

    /** Sets the parameters {@code sql} names (the filters alone do not name the narrowing's). */
    private static Query bind(Query query, String sql, Map<String, Object> params) {
        params.forEach((name, value) -> {
            if (java.util.regex.Pattern.compile(":" + name + "(?![A-Za-z0-9_])").matcher(sql).find()) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    private List<String> anchorValues(List<SortOrder> sort) {
        return sort.stream().map(o -> "(select " + o.property() + " from " + table + " where " + alias + ".id = :after)")
                .toList();
    }

    private List<Boolean> anchorNulls(PageRequest request) {
        String columns = String.join(", ", request.sort().stream().map(o -> o.property() + " is null").toList());
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("select " + columns + " from " + table + " where " + alias + ".id = :after")
                .setParameter("after", request.after()).getResultList();
        if (found.isEmpty()) {
            throw new InvalidInputException("after", "the row this cursor points at does not exist");
        }
        Object row = found.get(0);
        Object[] values = row instanceof Object[] a ? a : new Object[] {row};
        List<Boolean> nulls = new ArrayList<>();
        for (Object v : values) {
            nulls.add(Boolean.TRUE.equals(v));
        }
        return nulls;
    }
}
