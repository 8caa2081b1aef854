package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.DeadlineExtension;
import cn.hanzhong.rectification.issues.domain.ExtensionStatus;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.IssueFacts;
import cn.hanzhong.rectification.issues.repository.DeadlineExtensionRepository;
import cn.hanzhong.rectification.issues.service.command.DecideExtension;
import cn.hanzhong.rectification.issues.service.command.RequestExtension;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Deadline extensions (延期): the only way a lead unit gets a later deadline. The office approves
 * (the deadline moves, the old one is kept) or rejects.
 */
@ApplicationScoped
@Transactional
public class DeadlineExtensionService {

    private final IssueLocks locks;
    private final IssueQueries queries;
    private final IssueAccess access;
    private final Deadlines deadlines;
    private final DeadlineExtensionRepository extensions;
    private final History history;
    private final Outbox outbox;
    private final CurrentUser user;
    private final ProgrammeClock clock;

    public DeadlineExtensionService(IssueLocks locks, IssueQueries queries, IssueAccess access, Deadlines deadlines,
                                    DeadlineExtensionRepository extensions, History history, Outbox outbox,
                                    CurrentUser user, ProgrammeClock clock) {
        this.locks = locks;
        this.queries = queries;
        this.access = access;
        this.deadlines = deadlines;
        this.extensions = extensions;
        this.history = history;
        this.outbox = outbox;
        this.user = user;
        this.clock = clock;
    }

    public DeadlineExtension request(UUID issueId, RequestExtension r) {
        Issue issue = locks.forLeadUnitChange(issueId);
        if (!issue.status.isOpen() || issue.deadline == null) {
            throw new IllegalTransitionException("REQUEST_EXTENSION", issue.status.name(), List.of());
        }
        if (!r.proposedDeadline().isAfter(issue.deadline)) {
            throw new InvalidInputException("proposedDeadline", "must be after the current deadline " + issue.deadline);
        }
        if (extensions.count("issueId = ?1 and status = ?2", issueId, ExtensionStatus.REQUESTED) > 0) {
            throw new ConflictException("An extension request for " + issue.code + " is already waiting for a decision");
        }
        DeadlineExtension e = new DeadlineExtension();
        e.id = UUID.randomUUID();
        e.issueId = issueId;
        e.proposedDeadline = r.proposedDeadline();
        e.previousDeadline = issue.deadline;
        e.reason = r.reason();
        e.status = ExtensionStatus.REQUESTED;
        e.requestedBy = user.name();
        e.requestedUnit = user.unit().orElse(null);
        e.requestedAt = clock.now();
        extensions.persist(e);
        // The deadline changes only when the office approves; the request is an action, not a change of the deadline.
        history.action(issue, "EXTENSION_REQUESTED", "申请延至 " + r.proposedDeadline() + "：" + r.reason());
        outbox.publish(IssueEvents.TOPIC, IssueEvents.EXTENSION_REQUESTED, issue.id.toString(),
                new IssueEvents.IssueExtensionRequested(IssueFacts.of(issue), e.id, e.proposedDeadline, e.reason));
        return e;
    }

    public DeadlineExtension decide(UUID issueId, UUID extensionId, DecideExtension d) {
        access.requireOffice();
        Issue issue = locks.forChange(issueId, null);
        DeadlineExtension e = extensions.findByIdOptional(extensionId)
                .filter(x -> x.issueId.equals(issueId))
                .orElseThrow(() -> new ResourceNotFoundException("Deadline extension", extensionId));
        if (e.status != ExtensionStatus.REQUESTED) {
            throw new IllegalTransitionException(d.verdict().name(), e.status.name(), List.of());
        }
        e.decidedBy = user.name();
        e.decidedAt = clock.now();
        e.decisionNote = d.note();
        if (d.verdict() == DecideExtension.Verdict.APPROVE) {
            if (!issue.status.isOpen()) {
                throw new IllegalTransitionException("APPROVE", issue.status.name(), List.of());
            }
            e.status = ExtensionStatus.APPROVED;
            e.previousDeadline = issue.deadline;
            deadlines.move(issue, e.proposedDeadline, "EXTENSION_APPROVED", e.reason + (d.note() != null ? " / " + d.note() : ""));
        } else {
            e.status = ExtensionStatus.REJECTED;
            history.action(issue, "EXTENSION_REJECTED", d.note());
        }
        outbox.publish(IssueEvents.TOPIC, IssueEvents.EXTENSION_DECIDED, issue.id.toString(),
                new IssueEvents.IssueExtensionDecided(IssueFacts.of(issue), e.id, e.status.name(), e.proposedDeadline, d.note()));
        return e;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeadlineExtension> list(UUID issueId, PageRequest request) {
        queries.readable(issueId);
        return Page.of(extensions.find("issueId", request.panacheSort(), issueId), request, Function.identity());
    }
}
