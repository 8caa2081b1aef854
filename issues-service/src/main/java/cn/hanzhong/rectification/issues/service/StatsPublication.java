package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.config.IssuesConfig;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.repository.UnitRepository;
import cn.hanzhong.rectification.platform.outbox.ChangedFigures;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishes the ledger's figures ({@code issue.stats-published}, key {@code stats}) whenever they changed,
 * checked every {@code issues.stats.publish-every} (default a minute): exactly what {@code GET /api/v1/issues/stats} and
 * {@code GET /api/v1/supervision-orders/stats} answer the office at {@code asOf}, the red list and the
 * units directory. The notification service draws its bulletins (情况通报) from it, so a bulletin's
 * figures are this service's own by construction. Units' codes, names and counts only: no person.
 */
@ApplicationScoped
public class StatsPublication {

    public static final String PUBLISHED = "issue.stats-published";
    public static final String SUBJECT = "stats";

    /** The figures at one instant. */
    public record StatsPublished(OffsetDateTime asOf, LocalDate today, IssueStats stats,
                                 List<SupervisionOrders.UnitCounts> supervisionOrders, List<OverdueItem> overdue,
                                 int overdueListLimit, List<UnitEntry> units) {
    }

    /** An item of the red list (open, past its deadline). */
    public record OverdueItem(UUID id, String code, String title, String leadUnit, LocalDate deadline, long daysOverdue) {
    }

    /** An active unit of the directory. */
    public record UnitEntry(String code, String name, String kind) {
    }

    private final IssueStatsService stats;
    private final SupervisionOrders orders;
    private final IssueRepository issues;
    private final UnitRepository units;
    private final ChangedFigures changed;
    private final ProgrammeClock clock;
    private final int overdueListLimit;

    public StatsPublication(IssueStatsService stats, SupervisionOrders orders, IssueRepository issues, UnitRepository units,
                            ChangedFigures changed, ProgrammeClock clock, IssuesConfig config) {
        this.stats = stats;
        this.orders = orders;
        this.issues = issues;
        this.units = units;
        this.changed = changed;
        this.clock = clock;
        this.overdueListLimit = config.stats().overdueListLimit();
    }

    @Scheduled(every = "{issues.stats.publish-every:1m}", delayed = "{issues.stats.publish-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "issue-stats")
    void scheduled() {
        publishIfChanged();
    }

    /** Publishes the figures unless they equal the last ones published; whether it published. */
    @Transactional
    public boolean publishIfChanged() {
        StatsPublished now = figures();
        return changed.publishIfChanged(IssueEvents.TOPIC, PUBLISHED, SUBJECT, now,
                new StatsPublished(null, now.today(), now.stats(), now.supervisionOrders(), now.overdue(), now.overdueListLimit(), now.units()));
    }

    /** The figures now, whoever asks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StatsPublished figures() {
        OffsetDateTime asOf = clock.now();
        LocalDate today = clock.today();
        List<OverdueItem> overdue = issues.overdueList(today, overdueListLimit).stream().map(r -> {
            LocalDate deadline = r[4] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[4];
            return new OverdueItem((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], deadline,
                    ChronoUnit.DAYS.between(deadline, today));
        }).toList();
        List<UnitEntry> directory = units.list("active = true order by code").stream()
                .map(u -> new UnitEntry(u.code, u.name, u.kind.name())).toList();
        return new StatsPublished(asOf, today, stats.stats(Optional.empty()), orders.allCountsByUnit(), overdue,
                overdueListLimit, directory);
    }
}
