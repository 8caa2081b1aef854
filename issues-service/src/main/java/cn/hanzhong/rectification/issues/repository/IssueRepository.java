package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.platform.search.GramStatistics;
import cn.hanzhong.rectification.platform.search.SearchGrams;
import cn.hanzhong.rectification.platform.paging.NativePages;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.query.NativeQuery;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issues. The search is native SQL: array containment on GIN-indexed columns (units, districts,
 * search bigrams) and the warning-light rule need PostgreSQL operators HQL does not have.
 */
@ApplicationScoped
public class IssueRepository implements PanacheRepositoryBase<Issue, UUID> {

    /** Rows fetched per round trip (and kept in the session) by {@link #scroll}. */
    private static final int SCROLL_BATCH = 500;

    private static final String OPEN = Arrays.stream(IssueStatus.values()).filter(IssueStatus::isOpen)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(",", "(", ")"));

    private final GramStatistics grams;

    public IssueRepository(GramStatistics grams) {
        this.grams = grams;
    }

    public Optional<Issue> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    /** Those of {@code codes} that issues already carry. */
    public Set<String> takenCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager().createQuery("select i.code from Issue i where i.code in :codes", String.class)
                .setParameter("codes", codes).getResultList());
    }

    /** {@code n} numbers from the code sequence, in one statement. */
    public List<Long> nextCodeNumbers(int n) {
        @SuppressWarnings("unchecked")
        List<Number> numbers = getEntityManager()
                .createNativeQuery("select nextval('issue_code_seq') from generate_series(1, :n)").setParameter("n", n)
                .getResultList();
        return numbers.stream().map(Number::longValue).toList();
    }

    /**
     * The issue for a read that changes nothing (GET): loaded read-only, so the session keeps no snapshot of it — no
     * deep copy of its arrays and JSON lists to dirty-check, on the hottest read of the service. An issue this session
     * already holds is returned as it is.
     */
    public Issue findReadOnly(UUID id) {
        return getEntityManager().find(Issue.class, id, java.util.Map.of(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true));
    }

    /** Locks the issue row for a state change; the {@code @Version} check still guards stale If-Match. */
    public Optional<Issue> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * One page of issues matching {@code filter}, ordered by {@code request}'s sort (column names
     * from the resource's allow-list).
     */
    public Page<Issue> search(IssueFilter filter, PageRequest request, LocalDate today, LocalDate blueLimit) {
        Map<String, Object> params = new HashMap<>();
        String filters = filters(filter, today, blueLimit, params);
        NativePages.Narrowing narrowing = grams.narrowing(getEntityManager(), "issue", "search_grams", term(filter, params),
                filter.q());
        return new NativePages<>(getEntityManager(), Issue.class, "issue i", "i", (Issue row) -> row.id)
                .page(filters, narrowing, params, request);
    }

    /**
     * Every issue matching {@code filter} in {@code orderBy} order, handed to {@code each} as it is read:
     * the rows come from a server-side cursor in batches and leave the session as they go, so an export
     * of any size holds one batch in memory. Runs in the caller's (read-only) transaction.
     */
    public long scroll(IssueFilter filter, String orderBy, LocalDate today, LocalDate blueLimit, Consumer<Issue> each) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, today, blueLimit, params);
        NativeQuery<Issue> select = getEntityManager().createNativeQuery("select i.* from issue i" + where + orderBy, Issue.class)
                .unwrap(NativeQuery.class);
        params.forEach(select::setParameter);
        select.setFetchSize(SCROLL_BATCH).setReadOnly(true);
        long n = 0;
        try (ScrollableResults<Issue> rows = select.scroll(ScrollMode.FORWARD_ONLY)) {
            while (rows.next()) {
                each.accept(rows.get());
                if (++n % SCROLL_BATCH == 0) {
                    getEntityManager().clear();
                }
            }
        }
        return n;
    }

    /**
     * Open issues whose deadline was counted in working days through a year without a holiday notice
     * and whose span (from its start to the deadline) touches {@code year}; row-locked.
     */
    @SuppressWarnings("unchecked")
    public List<Issue> lockProvisionalAcross(int year) {
        return getEntityManager().createNativeQuery("""
                        select i.* from issue i
                        where i.status in %s
                          and i.deadline_rule ->> 'kind' = 'WORKING_DAYS'
                          and (i.deadline_rule ->> 'provisional')::boolean
                          and extract(year from cast(i.deadline_rule ->> 'from' as date)) <= :year
                          and extract(year from i.deadline) >= :year
                        order by i.id
                        for update""".formatted(OPEN), Issue.class)
                .setParameter("year", year)
                .getResultList();
    }

    /**
     * Open issues whose deadline passed before {@code today} and for which no overdue event was
     * published for the current deadline; locked, skipping rows another instance is handling.
     */
    @SuppressWarnings("unchecked")
    public List<Issue> lockNewlyOverdue(LocalDate today, int limit) {
        return getEntityManager().createNativeQuery("""
                        select i.* from issue i
                        where i.status in %s and i.deadline < :today
                          and (i.overdue_notified_for is null or i.overdue_notified_for <> i.deadline)
                        order by i.deadline, i.id
                        limit :limit
                        for update skip locked""".formatted(OPEN), Issue.class)
                .setParameter("today", today)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** The red list: open issues past their deadline, the longest overdue first (id, code, title, lead unit, deadline). */
    @SuppressWarnings("unchecked")
    public List<Object[]> overdueList(LocalDate today, int limit) {
        return getEntityManager().createNativeQuery("""
                        select i.id, i.code, i.title, i.lead_unit, i.deadline from issue i
                        where i.status in %s and i.deadline < :today
                        order by i.deadline, i.code
                        limit :limit""".formatted(OPEN))
                .setParameter("today", today)
                .setParameter("limit", limit)
                .getResultList();
    }

    private static String where(IssueFilter f, LocalDate today, LocalDate blueLimit, Map<String, Object> p) {
        String term = term(f, p);
        return filters(f, today, blueLimit, p) + (term == null ? "" : " and " + term);
    }

    /** The search term's condition ({@code q}), or null. */
    private static String term(IssueFilter f, Map<String, Object> p) {
        if (f.q() == null || f.q().isBlank()) {
            return null;
        }
        // The grams cover code, title and description, so they prefilter the public search too.
        return f.publicSearch()
                ? SearchGrams.condition(f.q().strip(), "i.search_grams", List.of("i.code", "i.title"), p)
                : SearchGrams.conditionOverSources(f.q().strip(), "i.search_grams", List.of("i.code", "i.title", "i.description"), p);
    }

    /** Every condition of the filter but the search term. */
    private static String filters(IssueFilter f, LocalDate today, LocalDate blueLimit, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" where true");
        if (!f.statuses().isEmpty()) {
            w.append(" and i.status in (:statuses)");
            p.put("statuses", names(f.statuses()));
        }
        if (f.excluded() != null && !f.excluded().isEmpty()) {
            w.append(" and i.status not in (:excluded)");
            p.put("excluded", names(f.excluded()));
        }
        if (!f.categories().isEmpty()) {
            w.append(" and i.category in (:categories)");
            p.put("categories", names(f.categories()));
        }
        if (!f.sources().isEmpty()) {
            w.append(" and i.source in (:sources)");
            p.put("sources", names(f.sources()));
        }
        if (f.leadUnit() != null) {
            w.append(" and i.lead_unit = :leadUnit");
            p.put("leadUnit", f.leadUnit());
        }
        if (f.unit() != null) {
            w.append(" and (i.lead_unit = :unit or i.cooperating_units @> array[cast(:unit as text)])");
            p.put("unit", f.unit());
        }
        if (f.visibleToUnit() != null) {
            w.append(" and (i.lead_unit = :own or i.cooperating_units @> array[cast(:own as text)])");
            p.put("own", f.visibleToUnit());
        }
        if (f.district() != null) {
            w.append(" and i.districts @> array[cast(:district as text)]");
            p.put("district", f.district());
        }
        if (f.deadlineFrom() != null) {
            w.append(" and i.deadline >= :deadlineFrom");
            p.put("deadlineFrom", f.deadlineFrom());
        }
        if (f.deadlineTo() != null) {
            w.append(" and i.deadline <= :deadlineTo");
            p.put("deadlineTo", f.deadlineTo());
        }
        boolean needsToday = false;
        if (f.overdue() != null) {
            w.append(f.overdue() ? " and " : " and not ")
                    .append("(i.status in ").append(OPEN).append(" and i.deadline is not null and i.deadline < :today)");
            needsToday = true;
        }
        if (f.warningLight() != null) {
            String open = "i.status in " + OPEN;
            String red = "(i.deadline is not null and i.deadline < :today)";
            String notRed = "(i.deadline is null or i.deadline >= :today)";
            String behind = "(i.behind_from is not null and i.behind_from <= :today)";
            String notBehind = "(i.behind_from is null or i.behind_from > :today)";
            String condition = switch (f.warningLight()) {
                case RED -> open + " and " + red;
                case YELLOW -> open + " and " + notRed + " and " + behind;
                case BLUE -> open + " and " + notRed + " and " + notBehind + " and i.deadline <= :blueLimit";
                case GREEN -> "not (" + open + ") or ((i.deadline is null or i.deadline > :blueLimit) and " + notBehind + ")";
            };
            w.append(" and (").append(condition).append(')');
            needsToday = true;
            if (condition.contains(":blueLimit")) {
                p.put("blueLimit", blueLimit);
            }
        }
        if (needsToday) {
            p.put("today", today);
        }
        return w.toString();
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
