package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.OrderStatus;
import cn.hanzhong.rectification.issues.domain.SupervisionLevel;
import cn.hanzhong.rectification.issues.domain.SupervisionOrder;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Supervision orders: searched natively (the issues concerned are an indexed array). */
@ApplicationScoped
public class SupervisionOrderRepository implements PanacheRepositoryBase<SupervisionOrder, UUID> {

    /** Criteria of an order search; nulls and empty sets do not filter. */
    public record Filter(Set<OrderStatus> statuses, Set<SupervisionLevel> levels, String unit, UUID issue, Boolean overdue) {
    }

    public Optional<SupervisionOrder> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean numberExists(String number) {
        return count("number", number) > 0;
    }

    /** The next number of {@code year}, atomically (one counter row per year). */
    public int nextNumber(int year) {
        return ((Number) getEntityManager().createNativeQuery("""
                insert into supervision_order_counter (year, last) values (:year, 1)
                on conflict (year) do update set last = supervision_order_counter.last + 1
                returning last""").setParameter("year", year).getSingleResult()).intValue();
    }

    public Page<SupervisionOrder> search(Filter f, PageRequest request, LocalDate today) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(" where true");
        if (!f.statuses().isEmpty()) {
            w.append(" and o.status in (:statuses)");
            p.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (!f.levels().isEmpty()) {
            w.append(" and o.level in (:levels)");
            p.put("levels", f.levels().stream().map(Enum::name).toList());
        }
        if (f.unit() != null) {
            w.append(" and o.unit = :unit");
            p.put("unit", f.unit());
        }
        if (f.issue() != null) {
            w.append(" and o.issue_ids @> array[cast(:issue as uuid)]");
            p.put("issue", f.issue().toString());
        }
        if (f.overdue() != null) {
            w.append(f.overdue() ? " and " : " and not ").append("(o.status in ('ISSUED','RETURNED') and o.due_date < :today)");
            p.put("today", today);
        }
        Query count = getEntityManager().createNativeQuery("select count(*) from supervision_order o" + w);
        p.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        Query select = getEntityManager().createNativeQuery("select o.* from supervision_order o" + w
                + request.orderByClause() + " limit :limit offset :offset", SupervisionOrder.class);
        p.forEach(select::setParameter);
        select.setParameter("limit", request.size()).setParameter("offset", (long) request.page() * request.size());
        @SuppressWarnings("unchecked")
        List<SupervisionOrder> items = select.getResultList();
        return Page.of(items, request, total);
    }

    /** Orders past their due date without a response and not yet announced as overdue; locked, skipping rows others hold. */
    @SuppressWarnings("unchecked")
    public List<SupervisionOrder> lockNewlyOverdue(LocalDate today, int limit) {
        return getEntityManager().createNativeQuery("""
                        select o.* from supervision_order o
                        where o.status in ('ISSUED','RETURNED') and o.due_date < :today
                          and (o.overdue_notified_for is null or o.overdue_notified_for <> o.due_date)
                        order by o.due_date, o.id limit :limit for update skip locked""", SupervisionOrder.class)
                .setParameter("today", today).setParameter("limit", limit).getResultList();
    }

    /** Per unit: orders awaiting a response, of them overdue, responded, closed, and returns in all. */
    @SuppressWarnings("unchecked")
    public List<Object[]> countsByUnit(LocalDate today) {
        return getEntityManager().createNativeQuery("""
                select unit,
                       count(*) filter (where status in ('ISSUED','RETURNED')),
                       count(*) filter (where status in ('ISSUED','RETURNED') and due_date < :today),
                       count(*) filter (where status = 'RESPONDED'),
                       count(*) filter (where status = 'CLOSED'),
                       coalesce(sum(return_count), 0)
                from supervision_order where status <> 'WITHDRAWN' group by unit order by unit""")
                .setParameter("today", today).getResultList();
    }
}
