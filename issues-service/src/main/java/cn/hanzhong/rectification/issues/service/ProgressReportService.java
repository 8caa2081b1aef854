package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.ProgressReport;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.IssueFacts;
import cn.hanzhong.rectification.issues.repository.ProgressReportRepository;
import cn.hanzhong.rectification.issues.rest.dto.ProgressReportRequest;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
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

    private final IssueService issues;
    private final ProgressReportRepository reports;
    private final History history;
    private final EventPublisher events;
    private final CurrentUser user;

    public ProgressReportService(IssueService issues, ProgressReportRepository reports, History history,
                                 EventPublisher events, CurrentUser user) {
        this.issues = issues;
        this.reports = reports;
        this.history = history;
        this.events = events;
        this.user = user;
    }

    /** @return the report, and whether it was newly created (false when it replaced a draft) */
    public ProgressReport report(UUID issueId, ProgressReportRequest r) {
        Issue issue = issues.forLeadUnitChange(issueId, null);
        if (!REPORTABLE.contains(issue.status)) {
            throw new IllegalTransitionException("REPORT_PROGRESS", issue.status.name(), List.of());
        }
        YearMonth period = YearMonth.parse(r.period());
        if (period.isAfter(YearMonth.now(IssueService.ZONE))) {
            throw new InvalidInputException("period", "must not be a future month");
        }
        ProgressReport report = reports.find("issueId = ?1 and period = ?2", issueId, r.period()).firstResult();
        if (report != null && !report.draft) {
            throw new ConflictException("A report for " + r.period() + " was already submitted for "
                    + issue.code + "; only a draft can be replaced");
        }
        if (report == null) {
            report = new ProgressReport();
            report.id = UUID.randomUUID();
            report.issueId = issueId;
            report.period = r.period();
        }
        boolean draft = Boolean.TRUE.equals(r.draft());
        report.percent = r.percent();
        report.narrative = r.narrative();
        report.completedMeasures = r.completedMeasures() == null ? new ArrayList<>() : new ArrayList<>(r.completedMeasures());
        report.difficulties = r.difficulties();
        report.nextSteps = r.nextSteps();
        report.draft = draft;
        report.reportedBy = user.name();
        report.reportedUnit = user.unit().orElse(null);
        report.reportedAt = OffsetDateTime.now(IssueService.ZONE);
        reports.persist(report);
        if (!draft) {
            history.change(issue, "PROGRESS_REPORTED", "progressPercent", issue.progressPercent, r.percent(),
                    "monthly report " + r.period());
            issue.progressPercent = r.percent();
            issues.touch(issue);
            events.publish(IssueEvents.PROGRESS_REPORTED, issue,
                    new IssueEvents.IssueProgressReported(IssueFacts.of(issue), r.period(), r.percent()));
        }
        return report;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProgressReport> list(UUID issueId, PageRequest request) {
        issues.get(issueId);
        return Page.of(reports.find("issueId", request.panacheSort(), issueId), request, Function.identity());
    }
}
