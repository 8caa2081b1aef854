package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.domain.ItemKind;
import cn.hanzhong.rectification.notification.event.ProducerEvents;
import cn.hanzhong.rectification.notification.repository.TrackedItemRepository;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The monthly dispatch list (按月调度): for one month, which lead units have and have not reported
 * progress for which issues — from this service's projection of the ledger's events, the list the
 * office reads out at the monthly meeting.
 */
@ApplicationScoped
public class MonthlyDispatch {

    /** One issue of a lead unit in the month. */
    public record Line(UUID issueId, String code, String title, String status, boolean reported, OffsetDateTime reportedAt) {
    }

    /** A lead unit's issues in the month. */
    public record UnitLines(String leadUnit, int reported, int missing, List<Line> issues) {
    }

    /** The list for one month. */
    public record DispatchList(String period, int issues, int reported, int missing, List<UnitLines> units) {
    }

    private final TrackedItemRepository items;

    public MonthlyDispatch(TrackedItemRepository items) {
        this.items = items;
    }

    /**
     * The issues under rectification in {@code month} (known by its end, lead unit assigned, assigned or
     * in progress now, or reported for it), grouped by lead unit, units with missing reports first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DispatchList of(YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = items.getEntityManager().createNativeQuery("""
                        select t.lead_unit, t.id, t.code, t.title, t.status, r.reported_at
                        from tracked_item t
                        left join reported_period r on r.item_id = t.id and r.period = :period
                        where t.kind = :kind and t.lead_unit is not null and t.first_seen <= :monthEnd
                          and (t.status in (:open) or r.item_id is not null)
                        order by t.lead_unit, t.code""")
                .setParameter("period", month.toString())
                .setParameter("kind", ItemKind.ISSUE.name())
                .setParameter("monthEnd", month.atEndOfMonth())
                .setParameter("open", ProducerEvents.DISPATCHED_STATUSES)
                .getResultList();
        Map<String, List<Line>> byUnit = new LinkedHashMap<>();
        for (Object[] r : rows) {
            OffsetDateTime at = r[5] == null ? null : r[5] instanceof Instant i
                    ? i.atZone(ProgrammeClock.ZONE).toOffsetDateTime() : (OffsetDateTime) r[5];
            byUnit.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new Line((UUID) r[1], (String) r[2], (String) r[3], (String) r[4], at != null, at));
        }
        List<UnitLines> units = new ArrayList<>();
        byUnit.forEach((unit, lines) -> {
            int done = (int) lines.stream().filter(Line::reported).count();
            units.add(new UnitLines(unit, done, lines.size() - done, List.copyOf(lines)));
        });
        units.sort((a, b) -> a.missing() != b.missing() ? Integer.compare(b.missing(), a.missing()) : a.leadUnit().compareTo(b.leadUnit()));
        int reported = units.stream().mapToInt(UnitLines::reported).sum();
        int missing = units.stream().mapToInt(UnitLines::missing).sum();
        return new DispatchList(month.toString(), reported + missing, reported, missing, List.copyOf(units));
    }
}
