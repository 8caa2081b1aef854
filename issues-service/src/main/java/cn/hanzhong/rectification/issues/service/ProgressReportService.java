package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.EvidenceRecord;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.ProgressReport;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.IssueFacts;
import cn.hanzhong.rectification.issues.repository.ProgressReportRepository;
import cn.hanzhong.rectification.issues.service.command.ReportProgress;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import io.quarkus.security.ForbiddenException;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Monthly dispatch (按月调度): the lead unit reports progress once per issue and month. */
@ApplicationScoped
@Transactional
public class ProgressReportService {

    private static final Set<IssueStatus> REPORTABLE = EnumSet.of(IssueStatus.ASSIGNED, IssueStatus.IN_PROGRESS);

    private final IssueLocks locks;
    private final IssueQueries queries;
    private final ProgressReportRepository reports;
    private final History history;
    private final Outbox outbox;
    private final CurrentUser user;
    private final ProgrammeClock clock;
    private final EvidenceService evidence;

    public ProgressReportService(IssueLocks locks, IssueQueries queries, ProgressReportRepository reports,
                                 History history, Outbox outbox, CurrentUser user, ProgrammeClock clock,
                                 EvidenceService evidence) {
        this.evidence = evidence;
        this.locks = locks;
        this.queries = queries;
        this.reports = reports;
        this.history = history;
        this.outbox = outbox;
        this.user = user;
        this.clock = clock;
    }

    /**
     * The lead unit's final report sets the issue's progress and is published; a cooperating unit reports
     * its own share (kept and shown in the breakdown, not the issue's figure); a draft only waits to be replaced.
     */
    public ProgressReport report(UUID issueId, ReportProgress r) {
        Issue issue = locks.forChange(issueId, null);
        String unit = user.unit().filter(u -> user.hasRole(Roles.UNIT) && issue.involvedUnits().contains(u))
                .orElseThrow(() -> new ForbiddenException("Only the lead unit and the cooperating units report progress on " + issue.code));
        boolean lead = unit.equals(issue.leadUnit);
        if (!REPORTABLE.contains(issue.status)) {
            throw new IllegalTransitionException("REPORT_PROGRESS", issue.status.name(), List.of());
        }
        String period = r.period().toString();
        if (r.period().isAfter(YearMonth.from(clock.today()))) {
            throw new InvalidInputException("period", "must not be a future month");
        }
        ProgressReport report = reports.find("issueId = ?1 and period = ?2 and unit = ?3", issueId, period, unit).firstResult();
        if (report != null && !report.draft) {
            throw new ConflictException("A report of " + unit + " for " + period + " was already submitted for "
                    + issue.code + "; only a draft can be replaced");
        }
        if (report == null) {
            report = new ProgressReport();
            report.id = UUID.randomUUID();
            report.issueId = issueId;
            report.period = period;
            report.unit = unit;
        }
        report.percent = r.percent();
        report.narrative = r.narrative();
        report.completedMeasures = r.completedMeasures() == null ? new ArrayList<>() : new ArrayList<>(r.completedMeasures());
        report.difficulties = r.difficulties();
        report.nextSteps = r.nextSteps();
        report.draft = r.draft();
        report.reportedBy = user.name();
        report.reportedUnit = user.unit().orElse(null);
        report.reportedAt = clock.now();
        reports.persist(report);
        evidence.attach(r.evidenceIds(), Set.of(issueId), EvidenceRecord.PROGRESS_REPORT, report.id.toString(), !r.draft(),
                "evidenceIds");
        if (!r.draft() && !lead) {
            history.action(issue, "COOPERATING_PROGRESS_REPORTED", unit + " 报送 " + period + " 配合整改进展 " + r.percent() + "%");
        } else if (!r.draft()) {
            history.change(issue, "PROGRESS_REPORTED", "progressPercent", issue.progressPercent, r.percent(),
                    "monthly report " + period);
            issue.progressPercent = r.percent();
            issue.touch(clock.now());
            outbox.publish(IssueEvents.TOPIC, IssueEvents.PROGRESS_REPORTED, issue.id.toString(),
                    new IssueEvents.IssueProgressReported(IssueFacts.of(issue), period, r.percent()));
        }
        return report;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProgressReport> list(UUID issueId, PageRequest request) {
        queries.readable(issueId);
        return Page.of(reports.find("issueId", request.panacheSort(), issueId), request, Function.identity());
    }
}
