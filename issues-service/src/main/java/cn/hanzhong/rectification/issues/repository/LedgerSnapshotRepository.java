package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.LedgerSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class LedgerSnapshotRepository implements PanacheRepositoryBase<LedgerSnapshot, String> {

    public Optional<LedgerSnapshot> latest() {
        return findAll(Sort.descending("period")).firstResultOptional();
    }

    /** Every snapshot, oldest first (the chain's order). */
    public List<LedgerSnapshot> chain() {
        return listAll(Sort.ascending("period"));
    }

    /** Serialises snapshot taking across instances until the transaction ends. */
    public void lockTaking() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('ledger-snapshot'))").getSingleResult();
    }

    /** The units that filed a (non-draft) progress report for {@code period}. */
    @SuppressWarnings("unchecked")
    public List<String> reportingUnits(String period) {
        return getEntityManager().createNativeQuery("""
                select distinct reported_unit from progress_report
                where period = :period and not draft and reported_unit is not null order by reported_unit""")
                .setParameter("period", period).getResultList();
    }
}
