package cn.hanzhong.rectification.accountability.service;

import cn.hanzhong.rectification.accountability.event.CaseEvents;
import cn.hanzhong.rectification.platform.outbox.ChangedFigures;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Publishes the accountability figures ({@code accountability.stats-published}, key {@code stats})
 * whenever they changed, checked every {@code accountability.stats.publish-every} (default a minute):
 * exactly what {@code GET /api/v1/accountability-cases/stats} answers at {@code asOf}. The notification
 * service draws its bulletins (情况通报) from it. Counts only: never a name.
 */
@ApplicationScoped
public class StatsPublication {

    public static final String PUBLISHED = "accountability.stats-published";
    public static final String SUBJECT = "stats";

    /** The figures at one instant. */
    public record StatsPublished(OffsetDateTime asOf, LocalDate today, CaseStatsService.Stats stats) {
    }

    private final CaseStatsService stats;
    private final ChangedFigures changed;
    private final ProgrammeClock clock;

    public StatsPublication(CaseStatsService stats, ChangedFigures changed, ProgrammeClock clock) {
        this.stats = stats;
        this.changed = changed;
        this.clock = clock;
    }

    @Scheduled(every = "{accountability.stats.publish-every:1m}", delayed = "{accountability.stats.publish-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "accountability-stats")
    void scheduled() {
        publishIfChanged();
    }

    /** Publishes the figures unless they equal the last ones published; whether it published. */
    @Transactional
    public boolean publishIfChanged() {
        StatsPublished now = figures();
        return changed.publishIfChanged(CaseEvents.TOPIC, PUBLISHED, SUBJECT, now, new StatsPublished(null, now.today(), now.stats()));
    }

    /** The figures now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StatsPublished figures() {
        return new StatsPublished(clock.now(), clock.today(), stats.stats());
    }
}
