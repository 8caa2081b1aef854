package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.repository.PetitionFilter;
import cn.hanzhong.rectification.petitions.repository.PetitionRepository;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures for bulletins (通报): counts by dimension and enforcement totals. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PetitionStatsService {

    /** The statistics document. */
    @Schema(name = "PetitionStats")
    public record Stats(long total, Map<String, Long> byDistrict, Map<String, Long> byPollutionType,
                        Map<String, Long> byFinding, Map<String, Long> byStatus, Map<String, Long> byCompletion,
                        Map<String, Long> byBatch, long overdue,
                        @Schema(description = "Petitions ever returned for redoing (退回重办)") long returned,
                        @Schema(description = "Petitions ever reopened by the look-back (回头看重新办理)") long reopened,
                        Enforcement enforcement) {
    }

    /** Enforcement totals: 责令整改, 立案处罚, 罚款, 立案侦查, 拘留, 约谈, 问责. */
    public record Enforcement(long rectificationOrders, long penaltyCases, BigDecimal finesYuan, long criminalCases,
                              long detentions, long talks, long personsHeldAccountable) {
    }

    private final EntityManager em;
    private final PetitionAccess access;
    private final ProgrammeClock clock;

    public PetitionStatsService(EntityManager em, PetitionAccess access, ProgrammeClock clock) {
        this.em = em;
        this.access = access;
        this.clock = clock;
    }

    /** The caller's figures (a unit: the petitions it may see). */
    public Stats stats(PetitionFilter filter) {
        return statsOf(access.restrictedToUnit().map(filter::visibleTo).orElse(filter));
    }

    /** The figures of the petitions {@code scoped} selects, whoever asks. */
    public Stats statsOf(PetitionFilter scoped) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = PetitionRepository.where(scoped, clock.today(), params);
        Map<String, Object> overdueParams = new LinkedHashMap<>(params);
        overdueParams.put("today", clock.today());
        long total = count("select count(*) from petition p" + where, params);
        long overdue = count("select count(*) from petition p" + where + " and p.status in " + PetitionRepository.OPEN
                + " and p.deadline < :today", overdueParams);
        Object[] e = (Object[]) query("""
                select coalesce(sum(p.rectification_orders), 0), coalesce(sum(p.penalty_cases), 0),
                       coalesce(sum(p.fines_yuan), 0), coalesce(sum(p.criminal_cases), 0), coalesce(sum(p.detentions), 0),
                       coalesce(sum(p.talks), 0), coalesce(sum(p.persons_held_accountable), 0)
                from petition p""" + where, params).getSingleResult();
        return new Stats(total,
                counts("select p.district, count(*) from petition p" + where + " group by 1 order by 1", params),
                counts("select t, count(*) from petition p cross join unnest(p.pollution_types) t" + where
                        + " group by 1 order by 1", params),
                counts("select coalesce(p.finding, 'NONE'), count(*) from petition p" + where + " group by 1 order by 1", params),
                counts("select p.status, count(*) from petition p" + where + " group by 1 order by 1", params),
                counts("select coalesce(p.completion, 'NONE'), count(*) from petition p" + where + " group by 1 order by 1", params),
                counts("select cast(p.batch_number as text), count(*) from petition p" + where + " group by p.batch_number"
                        + " order by p.batch_number", params),
                overdue,
                count("select count(distinct h.petition_id) from petition_history h join petition p on p.id = h.petition_id"
                        + where + " and h.action = 'RETURN'", params),
                count("select count(distinct h.petition_id) from petition_history h join petition p on p.id = h.petition_id"
                        + where + " and h.action = 'REOPEN'", params),
                new Enforcement(n(e[0]), n(e[1]), new BigDecimal(e[2].toString()), n(e[3]), n(e[4]), n(e[5]), n(e[6])));
    }

    private Query query(String sql, Map<String, Object> params) {
        Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q;
    }

    private long count(String sql, Map<String, Object> params) {
        return n(query(sql, params).getSingleResult());
    }

    private Map<String, Long> counts(String sql, Map<String, Object> params) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(sql, params).getResultList();
        Map<String, Long> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(String.valueOf(r[0]), n(r[1])));
        return m;
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
