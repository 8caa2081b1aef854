package cn.hanzhong.rectification.notification.repository;

import cn.hanzhong.rectification.notification.domain.Bulletin;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class BulletinRepository implements PanacheRepositoryBase<Bulletin, UUID> {

    /** The next number of {@code year} (文号), under a lock so that two publications never take the same one. */
    public int nextNumber(int year) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('bulletin-number'), :year)")
                .setParameter("year", year).getSingleResult();
        return ((Number) getEntityManager().createNativeQuery(
                        "select coalesce(max(number), 0) + 1 from bulletin where number_year = :year")
                .setParameter("year", year).getSingleResult()).intValue();
    }

    /** Takes the lock of the monthly bulletin of {@code period} for this transaction. */
    public void lockMonthly(String period) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('bulletin-monthly-' || :period))")
                .setParameter("period", period).getSingleResult();
    }
}
