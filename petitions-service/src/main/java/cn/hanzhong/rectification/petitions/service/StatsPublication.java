package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.event.PetitionEvents;
import cn.hanzhong.rectification.petitions.repository.PetitionFilter;
import cn.hanzhong.rectification.platform.outbox.ChangedFigures;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Publishes the petitions' figures ({@code petition.stats-published}, key {@code stats}) whenever they
 * changed, checked every {@code petitions.stats.publish-every} (default a minute): exactly what
 * {@code GET /api/v1/petitions/stats} answers the office at {@code asOf}. The notification service draws
 * its bulletins (情况通报) from it. Counts only: no reporter, no person.
 */
@ApplicationScoped
public class StatsPublication {

    public static final String PUBLISHED = "petition.stats-published";
    public static final String SUBJECT = "stats";

    /** The figures at one instant. */
    public record StatsPublished(OffsetDateTime asOf, LocalDate today, PetitionStatsService.Stats stats) {
    }

    private final PetitionStatsService stats;
    private final ChangedFigures changed;
    private final ProgrammeClock clock;

    public StatsPublication(PetitionStatsService stats, ChangedFigures changed, ProgrammeClock clock) {
        this.stats = stats;
        this.changed = changed;
        this.clock = clock;
    }

    @Scheduled(every = "{petitions.stats.publish-every:1m}", delayed = "{petitions.stats.publish-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "petition-stats")
    void scheduled() {
        publishIfChanged();
    }

    /** Publishes the figures unless they equal the last ones published; whether it published. */
    @Transactional
    public boolean publishIfChanged() {
        StatsPublished now = figures();
        return changed.publishIfChanged(PetitionEvents.TOPIC, PUBLISHED, SUBJECT, now,
                new StatsPublished(null, now.today(), now.stats()));
    }

    /** The figures now, whoever asks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StatsPublished figures() {
        return new StatsPublished(clock.now(), clock.today(), stats.statsOf(PetitionFilter.builder().build()));
    }
}
