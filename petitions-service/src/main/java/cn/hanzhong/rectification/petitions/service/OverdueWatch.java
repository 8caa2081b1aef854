package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.config.PetitionsConfig;
import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.event.PetitionEvents;
import cn.hanzhong.rectification.petitions.repository.PetitionRepository;
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
    private final EventPublisher events;
    private final History history;
    private final PetitionsConfig config;

    public OverdueWatch(PetitionRepository petitions, EventPublisher events, History history, PetitionsConfig config) {
        this.petitions = petitions;
        this.events = events;
        this.history = history;
        this.config = config;
    }

    @Scheduled(cron = "{petitions.overdue-cron:0 10 0 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "petitions-overdue-daily")
    @Scheduled(every = "24h", delayed = "{petitions.overdue-startup-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "petitions-overdue-startup")
    void scheduled() {
        publishOverdue(PetitionService.today());
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
                    events.publish(PetitionEvents.OVERDUE, p, new PetitionEvents.PetitionOverdue(
                            PetitionEvents.PetitionFacts.of(p), p.deadline.plusDays(1)));
                }
                return due.size();
            });
            total += batch;
        } while (batch == config.overdueBatchSize());
        return total;
    }
}
