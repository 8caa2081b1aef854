package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.Reconciliation;
import cn.hanzhong.rectification.issues.domain.ReconciliationItem;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReconciliationRepository implements PanacheRepositoryBase<Reconciliation, UUID> {

    public List<ReconciliationItem> items(UUID id, String outcome) {
        return getEntityManager().createQuery("""
                        from ReconciliationItem where reconciliationId = :id and (:outcome is null or outcome = :outcome)
                        order by case outcome when 'DIFFERENT' then 0 when 'ONLY_THERE' then 1 when 'ONLY_HERE' then 2
                                 when 'INVALID' then 3 else 4 end, externalId""", ReconciliationItem.class)
                .setParameter("id", id).setParameter("outcome", outcome).getResultList();
    }
}
