package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.EvidenceRecord;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.IssueFacts;
import cn.hanzhong.rectification.issues.repository.ProgressReportRepository;
import cn.hanzhong.rectification.issues.service.command.Transition;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static cn.hanzhong.rectification.issues.service.ContentChanges.copy;
import static cn.hanzhong.rectification.issues.service.ContentChanges.withoutLead;

/**
 * What each action does to an issue besides moving its status, one small handler per action, and
 * the event it publishes after {@code issue.status-changed} (if any).
 */
@ApplicationScoped
public class TransitionEffects {

    /** An event to publish once the move is made: its type and its payload from the issue's facts. */
    public record FollowUp(String type, Function<IssueFacts, Object> payload) {
    }

    @FunctionalInterface
    interface Effect {
        Optional<FollowUp> apply(Issue issue, Transition t, LocalDate today);
    }

    private static final Effect NOTHING = (issue, t, today) -> Optional.empty();

    private final Map<IssueAction, Effect> effects = new EnumMap<>(IssueAction.class);
    private final UnitService units;
    private final Deadlines deadlines;
    private final History history;
    private final CurrentUser user;
    private final ProgrammeClock clock;

    private final ProgressReportRepository reports;
    private final EvidenceService evidence;
    private final SignOffNotices notices;

    public TransitionEffects(UnitService units, Deadlines deadlines, History history, CurrentUser user,
                             ProgrammeClock clock, ProgressReportRepository reports, EvidenceService evidence,
                             SignOffNotices notices) {
        this.notices = notices;
        this.evidence = evidence;
        this.reports = reports;
        this.units = units;
        this.deadlines = deadlines;
        this.history = history;
        this.user = user;
        this.clock = clock;
        effects.put(IssueAction.ASSIGN, this::assign);
        effects.put(IssueAction.START, NOTHING);
        effects.put(IssueAction.REQUEST_ACCEPTANCE, this::requestAcceptance);
        effects.put(IssueAction.VERIFY, this::verify);
        effects.put(IssueAction.ACCEPT, this::acceptWithoutNotice);
        effects.put(IssueAction.SIGN_OFF, this::accept);
        effects.put(IssueAction.UPHOLD_OBJECTION, (issue, t, today) -> {
            required("reason", t.reason());
            return Optional.empty();
        });
        effects.put(IssueAction.REJECT, this::reject);
        effects.put(IssueAction.CANCEL, this::cancel);
        effects.put(IssueAction.REOPEN, this::reopen);
        effects.put(IssueAction.LOOK_BACK_RECURRED, this::reopen);
        effects.put(IssueAction.LOOK_BACK_PAPER_RECTIFICATION, this::reopen);
    }

    public Optional<FollowUp> apply(Issue issue, Transition t, LocalDate today) {
        return effects.get(t.action()).apply(issue, t, today);
    }

    /** 交办: lead and cooperating units, the deadline and its rule. */
    private Optional<FollowUp> assign(Issue issue, Transition t, LocalDate today) {
        Transition.Assignment a = t.assignment();
        String lead = a.leadUnit() != null ? a.leadUnit() : issue.leadUnit;
        if (lead == null) {
            throw new InvalidInputException("leadUnit", "is required to assign an issue");
        }
        List<String> cooperating = a.cooperatingUnits() != null ? copy(a.cooperatingUnits()) : issue.cooperatingUnits;
        units.validate(lead, cooperating, null);
        Deadlines.Scheduled deadline = deadlines.forAssignment(issue, a, today);
        history.change(issue, "ASSIGN", "leadUnit", issue.leadUnit, lead, null);
        issue.leadUnit = lead;
        List<String> coop = withoutLead(cooperating, lead);
        history.change(issue, "ASSIGN", "cooperatingUnits", issue.cooperatingUnits, coop, null);
        issue.cooperatingUnits = coop;
        history.change(issue, "ASSIGN", "deadline", issue.deadline, deadline.date(), deadline.rule().description());
        issue.deadline = deadline.date();
        issue.deadlineRule = deadline.rule();
        if (issue.originalDeadline == null) {
            issue.originalDeadline = deadline.date();
        }
        issue.assignedOn = today;
        return followUp(IssueEvents.ASSIGNED, facts -> new IssueEvents.IssueAssigned(facts, issue.assignedOn,
                issue.deadlineRule != null ? issue.deadlineRule.description() : null));
    }

    private Optional<FollowUp> requestAcceptance(Issue issue, Transition t, LocalDate today) {
        issue.evidence = required("evidence", t.evidence().evidence());
        issue.selfAssessment = required("selfAssessment", t.evidence().selfAssessment());
        issue.acceptanceRound++;
        evidence.attach(t.evidence().evidenceIds(), java.util.Set.of(issue.id), EvidenceRecord.ACCEPTANCE_REQUEST,
                acceptanceRecord(issue), true, "evidenceIds");
        return Optional.empty();
    }

    /**
     * 现场核查通过: the verification is recorded and the item goes on public notice (销号公示) for the
     * configured working days; it is signed off when the window has passed without an objection upheld.
     */
    private Optional<FollowUp> verify(Issue issue, Transition t, LocalDate today) {
        Transition.Verification v = t.verification();
        String opinion = required("opinion", v.opinion());
        LocalDate checkedOn = v.checkedOn() != null ? v.checkedOn() : today;
        if (checkedOn.isAfter(today)) {
            throw new InvalidInputException("checkedOn", "must not be in the future");
        }
        String checkedBy = v.checkedBy() != null && !v.checkedBy().isBlank() ? v.checkedBy().strip() : user.name();
        notices.open(issue, checkedOn, checkedBy, opinion, today);
        return Optional.empty();
    }

    /** 直接验收销号: only for an item that is not to be published, and the reason why is required (kept in history). */
    private Optional<FollowUp> acceptWithoutNotice(Issue issue, Transition t, LocalDate today) {
        if (t.reason() == null || t.reason().isBlank()) {
            throw new InvalidInputException("reason", "is required to sign off without public notice (why the item is not published); "
                    + "otherwise VERIFY opens the notice");
        }
        return accept(issue, t, today);
    }

    /** 验收销号: the opinion, who and when; progress becomes 100 %. */
    private Optional<FollowUp> accept(Issue issue, Transition t, LocalDate today) {
        Transition.Acceptance a = t.acceptance();
        String opinion = required("opinion", a.opinion());
        LocalDate acceptedOn = a.acceptedOn() != null ? a.acceptedOn() : today;
        if (acceptedOn.isAfter(today)) {
            throw new InvalidInputException("acceptedOn", "must not be in the future");
        }
        issue.acceptanceOpinion = opinion;
        issue.acceptedOn = acceptedOn;
        issue.acceptedBy = a.acceptedBy() != null && !a.acceptedBy().isBlank() ? a.acceptedBy() : user.name();
        issue.signedOffAt = clock.now();
        history.change(issue, IssueAction.ACCEPT.name(), "progressPercent", issue.progressPercent, 100, null);
        issue.progressPercent = 100;
        return followUp(IssueEvents.SIGNED_OFF, facts -> new IssueEvents.IssueSignedOff(facts, issue.acceptedBy,
                issue.acceptedOn, issue.deadline == null || !issue.acceptedOn.isAfter(issue.deadline)));
    }

    /** The record the files of the issue's current application for acceptance are filed under. */
    static String acceptanceRecord(Issue issue) {
        return "acceptance-" + issue.acceptanceRound;
    }

    private Optional<FollowUp> reject(Issue issue, Transition t, LocalDate today) {
        required("reason", t.reason());
        issue.rejectionCount++;
        return Optional.empty();
    }

    private Optional<FollowUp> cancel(Issue issue, Transition t, LocalDate today) {
        issue.closingReason = required("reason", t.reason());
        notices.withdrawOpen(issue);
        return Optional.empty();
    }

    /**
     * 问题反弹，重新整改: a new deadline is required (the old one may well be past), progress restarts from the
     * given figure or the last report before acceptance, the acceptance is withdrawn (kept in the history), and
     * the overdue watch is re-armed for the new deadline.
     */
    private Optional<FollowUp> reopen(Issue issue, Transition t, LocalDate today) {
        String reason = required("reason", t.reason());
        Transition.Assignment a = t.assignment();
        if (a == null || (a.deadline() == null && a.workingDays() == null)) {
            throw new InvalidInputException("deadline", "a reopened issue needs a new deadline (or deadlineWorkingDays)");
        }
        Deadlines.Scheduled deadline = deadlines.forAssignment(issue, new Transition.Assignment(null, null, a.deadline(),
                a.workingDays()), today);
        String act = t.action().name();
        history.change(issue, act, "deadline", issue.deadline, deadline.date(), deadline.rule().description());
        issue.deadline = deadline.date();
        issue.deadlineRule = deadline.rule();
        int progress = t.progressPercent() != null ? t.progressPercent()
                : Math.min(99, reports.lastPercent(issue.id, issue.leadUnit).orElse(0));
        history.change(issue, act, "progressPercent", issue.progressPercent, progress, reason);
        issue.progressPercent = progress;
        history.change(issue, act, "acceptedOn", issue.acceptedOn, null, reason);
        issue.acceptedOn = null;
        issue.acceptedBy = null;
        issue.acceptanceOpinion = null;
        issue.signedOffAt = null;
        issue.overdueNotifiedFor = null;
        issue.behindFrom = null;
        return followUp(IssueEvents.REOPENED, facts -> new IssueEvents.IssueReopened(facts, reason, t.action()));
    }

    private static Optional<FollowUp> followUp(String type, Function<IssueFacts, Object> payload) {
        return Optional.of(new FollowUp(type, payload));
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return value;
    }
}
