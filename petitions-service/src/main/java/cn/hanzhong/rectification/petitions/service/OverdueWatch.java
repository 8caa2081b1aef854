package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.config.PetitionsConfig;
import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.event.PetitionEvents;
import cn.hanzhong.rectification.petitions.repository.PetitionRepository;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/**
 * Publishes {@code petition.overdue} once per petition and deadline ({@code FOR UPDATE SKIP LOCKED}
 * and a marker written with the outbox row, so several instances never double it).
 */
@ApplicationScoped
public class OverdueWatch {

    private final PetitionRepository petitions;
    private final Outbox outbox;
    private final History history;
    private final PetitionsConfig config;
    private final ProgrammeClock clock;

    public OverdueWatch(PetitionRepository petitions, Outbox outbox, History history, PetitionsConfig config,
                        ProgrammeClock clock) {
        this.petitions = petitions;
        this.outbox = outbox;
        this.history = history;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(cron = "{petitions.overdue-cron:0 10 0 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "petitions-overdue-daily")
    @Scheduled(every = "24h", delayed = "{petitions.overdue-startup-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "petitions-overdue-startup")
    void scheduled() {
        publishOverdue(clock.today());
    }

    public int publishOverdue(LocalDate today) {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Petition> due = petitions.lockNewlyOverdue(today, config.overdueBatchSize());
                for (Petition p : due) {
                    p.overdueNotifiedFor = p.deadline;
                    history.action(p, "OVERDUE", "deadline " + p.deadline + " passed");
                    outbox.publish(PetitionEvents.TOPIC, PetitionEvents.OVERDUE, p.id.toString(), new PetitionEvents.PetitionOverdue(
                            PetitionEvents.PetitionFacts.of(p), p.deadline.plusDays(1)));
                }
                return due.size();
            });
            total += batch;
        } while (batch == config.overdueBatchSize());
        return total;
    }
}
