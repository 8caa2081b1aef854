package cn.hanzhong.rectification.petitions.repository;

import cn.hanzhong.rectification.petitions.domain.Reconciliation;
import cn.hanzhong.rectification.petitions.domain.ReconciliationItem;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReconciliationRepository implements PanacheRepositoryBase<Reconciliation, UUID> {

    /** The items of a run (one outcome when given): differences first, then by case number. */
    public List<ReconciliationItem> items(UUID id, String outcome) {
        return getEntityManager().createQuery("""
                        from ReconciliationItem where reconciliationId = :id and (:outcome is null or outcome = :outcome)
                        order by case outcome when 'DIFFERENT' then 0 when 'ONLY_THERE' then 1 when 'ONLY_HERE' then 2
                                 when 'INVALID' then 3 else 4 end, caseNumber""", ReconciliationItem.class)
                .setParameter("id", id).setParameter("outcome", outcome).getResultList();
    }

    /** Every petition's case number, id, status and deadline: what the province forwarded, as held here. */
    public List<Object[]> caseFacts() {
        return getEntityManager().createQuery("select caseNumber, id, status, deadline from Petition", Object[].class).getResultList();
    }
}
