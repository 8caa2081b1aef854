package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.service.command.EditIssue;
import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

import static cn.hanzhong.rectification.issues.service.ContentChanges.withoutLead;

/** The office's edits of an open issue; each changed field is a history line. */
@ApplicationScoped
@Transactional
public class IssueEditing {

    private final IssueRepository issues;
    private final IssueLocks locks;
    private final IssueAccess access;
    private final UnitService units;
    private final ContentChanges changes;
    private final Deadlines deadlines;
    private final IssueViews views;
    private final ProgrammeClock clock;

    public IssueEditing(IssueRepository issues, IssueLocks locks, IssueAccess access, UnitService units,
                        ContentChanges changes, Deadlines deadlines, IssueViews views, ProgrammeClock clock) {
        this.issues = issues;
        this.locks = locks;
        this.access = access;
        this.units = units;
        this.changes = changes;
        this.deadlines = deadlines;
        this.views = views;
        this.clock = clock;
    }

    /** Only what is present changes; a deadline change needs a reason and is published. */
    public IssueView edit(UUID id, EditIssue e, Integer ifMatch) {
        access.requireOffice();
        Issue issue = locks.forChange(id, ifMatch);
        if (!issue.status.isOpen()) {
            throw new IllegalTransitionException("UPDATE", issue.status.name(), List.of());
        }
        units.validate(null, e.cooperatingUnits(), e.content().districts());
        if (e.deadline() != null && !e.deadline().equals(issue.deadline)) {
            if (e.reason() == null || e.reason().isBlank()) {
                throw new InvalidInputException("reason", "is required when the deadline changes");
            }
            Deadlines.requireNotPast("deadline", e.deadline(), clock.today());
            deadlines.move(issue, e.deadline(), "UPDATED", e.reason());
        }
        changes.apply(issue, e.content(), e.reason());
        if (e.cooperatingUnits() != null) {
            changes.set(issue, "cooperatingUnits", issue.cooperatingUnits, withoutLead(e.cooperatingUnits(), issue.leadUnit),
                    v -> issue.cooperatingUnits = v, e.reason());
        }
        issue.touch(clock.now());
        issues.flush();
        return views.of(issue);
    }
}
