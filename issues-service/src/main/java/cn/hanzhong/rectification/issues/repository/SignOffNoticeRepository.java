package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.NoticeStatus;
import cn.hanzhong.rectification.issues.domain.SignOffNotice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SignOffNoticeRepository implements PanacheRepositoryBase<SignOffNotice, UUID> {

    public Optional<SignOffNotice> openOf(UUID issueId) {
        return find("issueId = ?1 and status = ?2", issueId, NoticeStatus.OPEN).firstResultOptional();
    }

    /**
     * Open notices whose window ended before {@code today} with no objection pending, locked; rows
     * another instance holds are skipped, so each is signed off by exactly one.
     */
    @SuppressWarnings("unchecked")
    public List<SignOffNotice> lockDue(LocalDate today, int limit) {
        return getEntityManager().createNativeQuery("""
                        select n.* from sign_off_notice n
                        where n.status = 'OPEN' and n.ends_on < :today
                          and not exists (select 1 from sign_off_objection o where o.notice_id = n.id and o.status = 'PENDING')
                        order by n.ends_on, n.id
                        limit :limit
                        for update of n skip locked""", SignOffNotice.class)
                .setParameter("today", today).setParameter("limit", limit)
                .getResultList();
    }

    public Optional<SignOffNotice> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

}
