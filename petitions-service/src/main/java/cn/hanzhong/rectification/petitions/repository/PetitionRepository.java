package cn.hanzhong.rectification.petitions.repository;

import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.platform.paging.NativePages;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.search.GramStatistics;
import cn.hanzhong.rectification.platform.search.SearchGrams;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Petitions; the search is native SQL over GIN-indexed arrays, like the ledger's. */
@ApplicationScoped
public class PetitionRepository implements PanacheRepositoryBase<Petition, UUID> {

    public static final String OPEN = Arrays.stream(PetitionStatus.values()).filter(PetitionStatus::isOpen)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(",", "(", ")"));

    private final GramStatistics grams;

    public PetitionRepository(GramStatistics grams) {
        this.grams = grams;
    }

    /** Open petitions with a provisional working-day deadline whose span touches {@code year}; row-locked. */
    @SuppressWarnings("unchecked")
    public List<Petition> lockProvisionalAcross(int year) {
        return getEntityManager().createNativeQuery("""
                        select p.* from petition p
                        where p.status in %s and p.deadline_provisional and p.deadline_working_days is not null
                          and extract(year from p.deadline_from) <= :year and extract(year from p.deadline) >= :year
                        order by p.id for update""".formatted(OPEN), Petition.class)
                .setParameter("year", year)
                .getResultList();
    }

    public Optional<Petition> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Page<Petition> search(PetitionFilter filter, PageRequest request, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String filters = filters(filter, today, params);
        String term = term(filter, params);
        // The public search reads the published text, which the grams (of the raw text) do not bound.
        NativePages.Narrowing narrowing = filter.publishedOnly() && term != null ? new NativePages.Narrowing(term, 1)
                : grams.narrowing(getEntityManager(), "petition", "search_grams", term, filter.q());
        return new NativePages<>(getEntityManager(), Petition.class, "petition p", "p", (Petition row) -> row.id)
                .page(filters, narrowing, params, request);
    }

    /** Every published petition matching the filter, in case-number order (for CSV/XLSX exports). */
    @SuppressWarnings("unchecked")
    public List<Petition> all(PetitionFilter filter, LocalDate today, int max) {
        Map<String, Object> params = new HashMap<>();
        Query select = getEntityManager().createNativeQuery("select p.* from petition p" + where(filter, today, params)
                + " order by p.case_number limit :max", Petition.class);
        params.forEach(select::setParameter);
        select.setParameter("max", max);
        return select.getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<Petition> lockNewlyOverdue(LocalDate today, int limit) {
        return getEntityManager().createNativeQuery("""
                        select p.* from petition p
                        where p.status in %s and p.deadline < :today
                          and (p.overdue_notified_for is null or p.overdue_notified_for <> p.deadline)
                        order by p.deadline, p.id limit :limit for update skip locked""".formatted(OPEN), Petition.class)
                .setParameter("today", today).setParameter("limit", limit).getResultList();
    }

    /** The filter as SQL; also used by the statistics. */
    public static String where(PetitionFilter f, LocalDate today, Map<String, Object> p) {
        String term = term(f, p);
        return filters(f, today, p) + (term == null ? "" : " and " + term);
    }

    /** The search term's condition ({@code q}), or null. */
    private static String term(PetitionFilter f, Map<String, Object> p) {
        if (f.q() == null || f.q().isBlank()) {
            return null;
        }
        if (f.publishedOnly()) {
            // The public may search only what it can read: the case number and the published,
            // pseudonymised text. The grams hold the raw text, so they are no prefilter here.
            return SearchGrams.condition(f.q().strip(), null, List.of("p.case_number", "p.published_content"), p);
        }
        return SearchGrams.conditionOverSources(f.q().strip(), "p.search_grams",
                List.of("p.case_number", "p.content", "p.location"), p);
    }

    /** Every condition of the filter but the search term. */
    private static String filters(PetitionFilter f, LocalDate today, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" where true");
        in(w, p, "p.batch_number", "batches", f.batches().stream().map(Object::toString).toList(), true);
        in(w, p, "p.status", "statuses", names(f.statuses()), false);
        in(w, p, "p.district", "districts", names(f.districts()), false);
        in(w, p, "p.finding", "findings", names(f.findings()), false);
        in(w, p, "p.completion", "completions", names(f.completions()), false);
        if (!f.pollutionTypes().isEmpty()) {
            w.append(" and p.pollution_types && cast(:types as text[])");
            p.put("types", SearchGrams.arrayLiteral(Set.copyOf(names(f.pollutionTypes()))));
        }
        if (f.leadUnit() != null) {
            w.append(" and p.lead_unit = :leadUnit");
            p.put("leadUnit", f.leadUnit());
        }
        if (f.unit() != null) {
            w.append(" and (p.lead_unit = :unit or p.cooperating_units @> array[cast(:unit as text)])");
            p.put("unit", f.unit());
        }
        if (f.visibleToUnit() != null) {
            w.append(" and (p.lead_unit = :own or p.cooperating_units @> array[cast(:own as text)])");
            p.put("own", f.visibleToUnit());
        }
        if (f.priority() != null) {
            w.append(" and p.priority = :priority");
            p.put("priority", f.priority());
        }
        if (f.overdue() != null) {
            w.append(f.overdue() ? " and " : " and not ")
                    .append("(p.status in ").append(OPEN).append(" and p.deadline is not null and p.deadline < :today)");
            p.put("today", today);
        }
        if (f.receivedFrom() != null) {
            w.append(" and p.received_at >= :receivedFrom");
            p.put("receivedFrom", f.receivedFrom());
        }
        if (f.receivedTo() != null) {
            w.append(" and p.received_at <= :receivedTo");
            p.put("receivedTo", f.receivedTo());
        }
        if (f.publishedOnly()) {
            w.append(" and p.published");
        }
        return w.toString();
    }

    private static void in(StringBuilder w, Map<String, Object> p, String column, String name, List<String> values,
                           boolean integers) {
        if (values.isEmpty()) {
            return;
        }
        w.append(" and ").append(column).append(" in (:").append(name).append(')');
        p.put(name, integers ? values.stream().map(Integer::valueOf).toList() : values);
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
