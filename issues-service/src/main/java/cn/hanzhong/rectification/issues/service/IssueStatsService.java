package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Figures for the battle map (挂图督战) and target assessment (目标考核), aggregated in SQL. A unit
 * caller gets the figures of its own issues only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IssueStatsService {

    private static final String OPEN = Arrays.stream(IssueStatus.values()).filter(IssueStatus::isOpen)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(",", "(", ")"));

    private final EntityManager em;
    private final IssueAccess access;
    private final IssueViews views;
    private final UnitService units;
    private final ProgrammeClock clock;

    public IssueStatsService(EntityManager em, IssueAccess access, IssueViews views, UnitService units,
                             ProgrammeClock clock) {
        this.em = em;
        this.access = access;
        this.views = views;
        this.units = units;
        this.clock = clock;
    }

    /** The caller's figures (a unit: its own issues). */
    public IssueStats stats() {
        return stats(access.restrictedToUnit());
    }

    /** The figures of the issues of {@code own} (lead or cooperating), or of every issue when empty. */
    public IssueStats stats(Optional<String> own) {
        LocalDate today = clock.today();
        String scope = own.isPresent()
                ? " where (i.lead_unit = :own or i.cooperating_units @> array[cast(:own as text)])" : " where true";
        Map<String, Object> params = new LinkedHashMap<>();
        own.ifPresent(u -> params.put("own", u));

        long total = ((Number) query("select count(*) from issue i" + scope, params).getSingleResult()).longValue();
        Map<String, Long> byStatus = counts("select i.status, count(*) from issue i" + scope + " group by 1 order by 1", params);
        Map<String, Long> byCategory = counts("select i.category, count(*) from issue i" + scope + " group by 1 order by 1", params);
        Map<String, Long> byLeadUnit = counts("select i.lead_unit, count(*) from issue i" + scope
                + " and i.lead_unit is not null group by 1 order by 1", params);
        Map<String, Long> byDistrict = counts("select d, count(*) from issue i cross join unnest(i.districts) d" + scope
                + " group by 1 order by 1", params);

        Map<String, Object> lightParams = new LinkedHashMap<>(params);
        lightParams.put("today", today);
        lightParams.put("blueLimit", views.blueLimit(today));
        Map<String, Long> byLight = counts("""
                select case
                  when i.status not in %1$s then 'GREEN'
                  when i.deadline is not null and i.deadline < :today then 'RED'
                  when i.behind_from is not null and i.behind_from <= :today then 'YELLOW'
                  when i.deadline is not null and i.deadline <= :blueLimit then 'BLUE'
                  else 'GREEN' end, count(*)
                from issue i""".formatted(OPEN) + scope + " group by 1 order by 1", lightParams);

        Map<String, Object> unitParams = new LinkedHashMap<>(params);
        unitParams.put("today", today);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("""
                select i.lead_unit,
                       count(*) filter (where i.assigned_on is not null and i.status <> 'CANCELLED'),
                       count(*) filter (where i.status = 'SIGNED_OFF'),
                       count(*) filter (where i.status = 'SIGNED_OFF' and i.accepted_on <= i.deadline),
                       count(*) filter (where i.status in %s and i.deadline < :today),
                       count(*) filter (where i.status = 'SIGNED_OFF'
                                          and i.accepted_on <= coalesce(i.original_deadline, i.deadline)),
                       count(*) filter (where i.status = 'SIGNED_OFF' and i.deadline is null)
                from issue i""".formatted(OPEN) + scope + " and i.lead_unit is not null group by 1 order by 1",
                unitParams).getResultList();
        Map<String, String> names = units.names(rows.stream().map(r -> (String) r[0]).toList());
        List<IssueStats.UnitFigures> figures = new ArrayList<>();
        long[] sum = new long[6];
        for (Object[] r : rows) {
            long[] n = new long[6];
            for (int c = 0; c < 6; c++) {
                n[c] = ((Number) r[c + 1]).longValue();
                sum[c] += n[c];
            }
            figures.add(figures((String) r[0], names.get((String) r[0]), n));
        }
        return new IssueStats(total, byStatus, byCategory, byLeadUnit, byDistrict, byLight, figures,
                figures(null, "全市", sum));
    }

    /** From the counts assigned, signed off, on time (approved), overdue, on time (original), without deadline. */
    private static IssueStats.UnitFigures figures(String unit, String name, long[] n) {
        long signedOff = n[1];
        long withoutDeadline = n[5];
        return new IssueStats.UnitFigures(unit, name, n[0], signedOff, n[2], n[4], withoutDeadline, n[3],
                IssueStats.UnitFigures.rate(n[2], signedOff - withoutDeadline, n[3]),
                IssueStats.UnitFigures.rate(n[4], signedOff - withoutDeadline, n[3]));
    }

    private Query query(String sql, Map<String, Object> params) {
        Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q;
    }

    private Map<String, Long> counts(String sql, Map<String, Object> params) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(sql, params).getResultList();
        Map<String, Long> m = new LinkedHashMap<>();
        for (Object[] r : rows) {
            m.put(String.valueOf(r[0]), ((Number) r[1]).longValue());
        }
        return m;
    }
}
