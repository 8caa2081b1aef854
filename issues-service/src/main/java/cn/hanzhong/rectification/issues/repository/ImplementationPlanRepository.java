package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.ImplementationPlan;
import cn.hanzhong.rectification.issues.domain.PlanSubmission;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ImplementationPlanRepository implements PanacheRepositoryBase<ImplementationPlan, UUID> {

    public Optional<ImplementationPlan> of(String programme, String unit, boolean lock) {
        var q = find("programme = ?1 and unit = ?2", programme, unit);
        return lock ? q.withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional() : q.firstResultOptional();
    }

    /**
     * Adds the plan row of each unit that has none yet (REQUIRED), safe with several instances: a row
     * another instance added first is skipped. Returns the ids of the rows this call added.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> addRequired(String programme, Collection<String> units, LocalDate due, OffsetDateTime now) {
        if (units.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("""
                        insert into implementation_plan (id, programme, unit, due_date, status, created_at, updated_at)
                        select gen_random_uuid(), :programme, u, :due, 'REQUIRED', :now, :now from unnest(cast(:units as text[])) as u
                        on conflict (programme, unit) do nothing
                        returning id""")
                .setParameter("programme", programme).setParameter("due", due).setParameter("now", now)
                .setParameter("units", units.toArray(String[]::new))
                .getResultList();
    }

    /** Owed plans past their due date not yet announced as overdue, locked; other instances skip them. */
    @SuppressWarnings("unchecked")
    public List<ImplementationPlan> lockNewlyOverdue(String programme, LocalDate today) {
        return getEntityManager().createNativeQuery("""
                        select * from implementation_plan
                        where programme = :programme and status in ('REQUIRED', 'RETURNED') and due_date < :today
                          and not overdue_notified
                        for update skip locked""", ImplementationPlan.class)
                .setParameter("programme", programme).setParameter("today", today).getResultList();
    }

    public List<PlanSubmission> submissions(UUID planId) {
        return getEntityManager().createQuery("from PlanSubmission where planId = :plan order by seq", PlanSubmission.class)
                .setParameter("plan", planId).getResultList();
    }

    public Sort byUnit() {
        return Sort.ascending("unit");
    }
}
