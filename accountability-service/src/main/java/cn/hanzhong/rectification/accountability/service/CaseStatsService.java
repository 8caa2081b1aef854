package cn.hanzhong.rectification.accountability.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts for the office and the public summary (disclosable decided cases only, never names). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseStatsService {

    /** The public summary: counts only; a subject's unit kind as the units directory's events say (UNKNOWN if never heard of). */
    public record Summary(long cases, long subjects, Map<String, Long> bySanction, Map<String, Long> byUnitKind,
                          Map<String, Long> bySource, Map<String, Long> byYear) {
    }

    /**
     * The office's figures. Cases by status and source; then the subjects held accountable (a subject
     * with a decision in force, reviews applied): persons and units, by sanction, rank band (persons),
     * cause (the case's source) and unit (the subject's unit code: county-district or department).
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AccountabilityStats")
    public record Stats(long total, Map<String, Long> byStatus, Map<String, Long> bySource, Map<String, Long> bySanction,
                        long personsHeld, long unitsHeld, Map<String, Long> byRankBand, Map<String, Long> byCause,
                        Map<String, Long> byUnit) {
    }

    /** One row per decision in force, with its subject. */
    private static final String HELD = """
             from accountability_case c cross join jsonb_array_elements(c.decisions) d
             join lateral jsonb_array_elements(c.subjects) s on s ->> 'id' = d ->> 'subjectId'""";
    private static final String BAND = """
            coalesce(case s ->> 'rankLevel' when '厅局级' then 'BUREAU' when '县处级' then 'COUNTY'
              when '乡科级' then 'TOWNSHIP' when '其他' then 'OTHER' else s ->> 'rankLevel' end, 'UNKNOWN')""";

    private static final String DISCLOSED = " from accountability_case c where c.disclosable and c.status in ('DECIDED', 'CLOSED')";

    private final EntityManager em;

    public CaseStatsService(EntityManager em) {
        this.em = em;
    }

    public Summary publicSummary() {
        long cases = count("select count(*)" + DISCLOSED);
        long subjects = count("select coalesce(sum(jsonb_array_length(c.subjects)), 0)" + DISCLOSED);
        Map<String, Long> byUnitKind = counts("select coalesce(u.kind, 'UNKNOWN'), count(*)" + DISCLOSED.replace(
                "from accountability_case c", "from accountability_case c cross join jsonb_array_elements(c.subjects) s "
                        + "left join tracked_unit u on u.code = s ->> 'unit'") + " group by 1 order by 1");
        return new Summary(cases, subjects,
                counts("select d ->> 'sanction', count(*)" + DISCLOSED.replace("from accountability_case c",
                        "from accountability_case c cross join jsonb_array_elements(c.decisions) d") + " group by 1 order by 1"),
                byUnitKind,
                counts("select c.source, count(*)" + DISCLOSED + " group by 1 order by 1"),
                counts("select cast(extract(year from coalesce(c.decided_on, cast(c.created_at as date))) as integer), count(*)"
                        + DISCLOSED + " group by 1 order by 1"));
    }

    public Stats stats() {
        return new Stats(count("select count(*) from accountability_case"),
                counts("select status, count(*) from accountability_case group by 1 order by 1"),
                counts("select source, count(*) from accountability_case group by 1 order by 1"),
                counts("select d ->> 'sanction', count(*)" + HELD + " group by 1 order by 1"),
                count("select count(*)" + HELD + " where s ->> 'kind' = 'PERSON'"),
                count("select count(*)" + HELD + " where s ->> 'kind' = 'UNIT'"),
                counts("select " + BAND + ", count(*)" + HELD + " where s ->> 'kind' = 'PERSON' group by 1 order by 1"),
                counts("select c.source, count(*)" + HELD + " group by 1 order by 1"),
                counts("select coalesce(s ->> 'unit', 'UNKNOWN'), count(*)" + HELD + " group by 1 order by 1"));
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private Map<String, Long> counts(String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).getResultList();
        Map<String, Long> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
        return m;
    }
}
