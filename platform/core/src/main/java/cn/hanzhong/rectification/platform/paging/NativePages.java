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

    /** {@code where} starts with {@code " where "}; its parameters are in {@code params}. */
    public Page<E> page(String where, Map<String, Object> params, PageRequest request) {
        String keyset = "";
        if (request.after() != null) {
            keyset = " and " + Keyset.after(request.sort(), anchorValues(request.sort()), anchorNulls(request));
        }
        Query select = em.createNativeQuery("select " + alias + ".* from " + table + where + keyset
                + request.orderByClause() + " limit :limit offset :offset", type);
        params.forEach(select::setParameter);
        // A page is for reading: no snapshot of its rows is kept for a dirty check that never comes.
        select.setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true);
        if (request.after() != null) {
            select.setParameter("after", request.after());
        }
        select.setParameter("limit", request.size() + 1);
        select.setParameter("offset", request.after() != null ? 0 : request.offset());
        @SuppressWarnings("unchecked")
        List<E> rows = new ArrayList<>(select.getResultList());
        String next = null;
        if (rows.size() > request.size()) {
            rows = rows.subList(0, request.size());
            next = Cursor.of(idOf.apply(rows.get(rows.size() - 1)));
        }
        // A first page that holds every match is its own count (a rare term: no second pass over the matches).
        boolean firstPage = request.after() == null && request.offset() == 0;
        Count count = firstPage && next == null ? Count.exact(rows.size()) : count(where, params);
        return Page.of(rows, request, count, next);
    }

    /**
     * Exact up to {@link Count#EXACT_UP_TO} matches (the count stops there); beyond, the planner's estimate of the
     * same query, flagged. A million-row filter thus costs at most a thousand rows read, not a million — and nothing
     * read when the planner expects five times the bound: at a common term the bitmaps alone of a bounded count cost
     * more than the page (deploy/bench/search). The estimate of a term is good when the term is common (the column's
     * most common elements) and high, not low, when it is rare, so a small result is still counted.
     */
    public Count count(String where, Map<String, Object> params) {
        long estimate = estimate(where, params);
        if (estimate >= 5L * Count.EXACT_UP_TO) {
            return Count.estimate(estimate);
        }
        Query bounded = em.createNativeQuery("select count(*) from (select 1 from " + table + where
                + " limit " + (Count.EXACT_UP_TO + 1) + ") bounded");
        params.forEach(bounded::setParameter);
        long n = ((Number) bounded.getSingleResult()).longValue();
        return n <= Count.EXACT_UP_TO ? Count.exact(n) : Count.estimate(estimate);
    }

    private long estimate(String where, Map<String, Object> params) {
        Query explain = em.createNativeQuery("explain (format json) select 1 from " + table + where);
        params.forEach(explain::setParameter);
        try {
            JsonNode plan = JSON.readTree(String.valueOf(explain.getSingleResult()));
            return plan.path(0).path("Plan").path("Plan Rows").asLong();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return 0;
        }
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
