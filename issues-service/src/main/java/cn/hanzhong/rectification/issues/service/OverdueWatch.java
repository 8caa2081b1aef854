package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.config.IssuesConfig;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.IssueFacts;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;

/**
 * Publishes {@code issue.overdue} once per issue and deadline when the deadline passes without
 * sign-off. Runs daily after midnight and once shortly after start-up; rows are taken with
 * {@code FOR UPDATE SKIP LOCKED} and marked in the same transaction as the outbox row, so several
 * instances never publish the same overdue twice.
 */
@ApplicationScoped
public class OverdueWatch {

    private static final Logger LOG = Logger.getLogger(OverdueWatch.class);

    private final IssueRepository issues;
    private final Outbox outbox;
    private final ProgrammeClock clock;
    private final History history;
    private final IssuesConfig config;

    public OverdueWatch(IssueRepository issues, Outbox outbox, History history, IssuesConfig config,
                        ProgrammeClock clock) {
        this.issues = issues;
        this.outbox = outbox;
        this.clock = clock;
        this.history = history;
        this.config = config;
    }

    @Scheduled(cron = "{issues.overdue-cron:0 5 0 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "overdue-daily")
    @Scheduled(every = "24h", delayed = "{issues.overdue-startup-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "overdue-startup")
    void scheduled() {
        int n = publishOverdue(clock.today());
        if (n > 0) {
            LOG.infof("Published %d overdue issue events", n);
        }
    }

    /** Publishes the overdue events due as of {@code today}; returns how many. */
    public int publishOverdue(LocalDate today) {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Issue> due = issues.lockNewlyOverdue(today, config.overdueBatchSize());
                for (Issue issue : due) {
                    issue.overdueNotifiedFor = issue.deadline;
                    history.action(issue, "OVERDUE", "deadline " + issue.deadline + " passed without sign-off");
                    outbox.publish(IssueEvents.TOPIC, IssueEvents.OVERDUE, issue.id.toString(),
                            new IssueEvents.IssueOverdue(IssueFacts.of(issue), issue.deadline.plusDays(1)));
                }
                return due.size();
            });
            total += batch;
        } while (batch == config.overdueBatchSize());
        return total;
    }
}
