package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.config.IssuesConfig;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.domain.WarningLight;
import cn.hanzhong.rectification.issues.domain.WarningLights;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/** The values derived from an issue for the caller: the warning light as of today, the allowed actions. */
@ApplicationScoped
public class IssueViews {

    private final IssueAccess access;
    private final IssuesConfig config;
    private final ProgrammeClock clock;

    public IssueViews(IssueAccess access, IssuesConfig config, ProgrammeClock clock) {
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    public IssueView of(Issue issue) {
        LocalDate today = clock.today();
        WarningLight light = light(issue, today, blueLimit(today));
        return new IssueView(issue, light, IssueAction.allowed(issue.status, access.actorsFor(issue)));
    }

    /** The light of {@code issue} on {@code today} (a caller looking at many issues computes the limit once). */
    public WarningLight light(Issue issue, LocalDate today, LocalDate blueLimit) {
        return WarningLights.of(issue.status, issue.deadline, issue.behindFrom, today, blueLimit);
    }

    /** The last deadline that shows BLUE (due soon) as of {@code today}. */
    public LocalDate blueLimit(LocalDate today) {
        return today.plusDays(config.warningWindowDays());
    }
}
