package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Actor;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.IssueFacts;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.service.command.Transition;
import cn.hanzhong.rectification.platform.lifecycle.TransitionGuard;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Moves an issue through its life: lock → guard → apply the action's effect → history → publish.
 * Who may take which action from where is {@link IssueAction}; what it does is {@link TransitionEffects}.
 */
@ApplicationScoped
@Transactional
public class IssueTransitions {

    private final IssueRepository issues;
    private final IssueLocks locks;
    private final IssueAccess access;
    private final TransitionEffects effects;
    private final History history;
    private final IssueViews views;
    private final Outbox outbox;
    private final CurrentUser user;
    private final ProgrammeClock clock;

    public IssueTransitions(IssueRepository issues, IssueLocks locks, IssueAccess access, TransitionEffects effects,
                            History history, IssueViews views, Outbox outbox, CurrentUser user, ProgrammeClock clock) {
        this.issues = issues;
        this.locks = locks;
        this.access = access;
        this.effects = effects;
        this.history = history;
        this.views = views;
        this.outbox = outbox;
        this.user = user;
        this.clock = clock;
    }

    public IssueView transition(UUID id, Transition t, Integer ifMatch) {
        Issue issue = locks.forChange(id, ifMatch);
        if (t.action() == IssueAction.VERIFY && Boolean.FALSE.equals(t.verification().passed())) {
            // A failed verification sends the application back, as REJECT does, with the opinion as reason.
            String why = t.reason() != null && !t.reason().isBlank() ? t.reason() : t.verification().opinion();
            t = new Transition(IssueAction.REJECT, why, t.assignment(), t.evidence(), t.acceptance(), t.progressPercent(),
                    t.verification());
        }
        guard(issue, t.action());
        return apply(issue, t);
    }

    /**
     * A move the service makes itself on an issue it has locked (the end of a public notice, an objection
     * upheld): only {@link Actor#SYSTEM} actions, from the states they leave.
     */
    public IssueView bySystem(Issue issue, Transition t) {
        IssueAction action = t.action();
        if (action.actor() != Actor.SYSTEM || !action.isAllowedFrom(issue.status)) {
            throw new IllegalStateException(action + " is not a system move from " + issue.status);
        }
        return apply(issue, t);
    }

    private IssueView apply(Issue issue, Transition t) {
        IssueAction action = t.action();
        IssueStatus from = issue.status;
        Optional<TransitionEffects.FollowUp> followUp = effects.apply(issue, t, clock.today());
        issue.status = action.target();
        history.change(issue, action.name(), "status", from, issue.status, t.reason());
        issue.touch(clock.now());
        issues.flush();

        IssueFacts facts = IssueFacts.of(issue);
        publish(issue, IssueEvents.STATUS_CHANGED, new IssueEvents.IssueStatusChanged(
                facts, from, issue.status, action, user.unit().orElse(null), t.reason()));
        followUp.ifPresent(f -> publish(issue, f.type(), f.payload().apply(facts)));
        return views.of(issue);
    }

    private void guard(Issue issue, IssueAction action) {
        Set<Actor> actors = access.actorsFor(issue);
        String refusal = actors.contains(action.actor()) ? null
                : action.actor() == Actor.OFFICE ? "Only the rectification office may " + action.name()
                : "Only the lead unit may " + action.name();
        TransitionGuard.check(action, issue.status, refusal, action.isAllowedFrom(issue.status),
                IssueAction.allowed(issue.status, actors));
    }

    private void publish(Issue issue, String type, Object payload) {
        outbox.publish(IssueEvents.TOPIC, type, issue.id.toString(), payload);
    }
}
