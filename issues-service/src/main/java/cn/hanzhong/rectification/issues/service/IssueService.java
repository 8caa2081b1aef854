package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.config.IssuesConfig;
import cn.hanzhong.rectification.issues.domain.Actor;
import cn.hanzhong.rectification.issues.domain.DeadlineRule;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.ResponsibleOfficial;
import cn.hanzhong.rectification.issues.domain.UnitKind;
import cn.hanzhong.rectification.issues.domain.WarningLight;
import cn.hanzhong.rectification.issues.domain.WarningLights;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.IssueFacts;
import cn.hanzhong.rectification.issues.repository.IssueFilter;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.rest.dto.IssueRequest;
import cn.hanzhong.rectification.issues.rest.dto.IssueUpdate;
import cn.hanzhong.rectification.issues.rest.dto.ResponsibleOfficialDto;
import cn.hanzhong.rectification.issues.rest.dto.TransitionRequest;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.PreconditionFailedException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The ledger's use cases: register, edit, move through the lifecycle, read and search. */
@ApplicationScoped
@Transactional
public class IssueService {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The outcome of a registration: the issue, and whether this call created or changed it. */
    public record Registration(Issue issue, boolean created, boolean changed) {
    }

    private final IssueRepository issues;
    private final UnitService units;
    private final IssueAccess access;
    private final History history;
    private final EventPublisher events;
    private final WorkingDayCalendar calendar;
    private final IssuesConfig config;
    private final CurrentUser user;
    private final cn.hanzhong.rectification.issues.repository.HistoryEntryRepository historyEntries;

    public IssueService(IssueRepository issues, UnitService units, IssueAccess access, History history,
                        EventPublisher events, WorkingDayCalendar calendar, IssuesConfig config, CurrentUser user,
                        cn.hanzhong.rectification.issues.repository.HistoryEntryRepository historyEntries) {
        this.historyEntries = historyEntries;
        this.issues = issues;
        this.units = units;
        this.access = access;
        this.history = history;
        this.events = events;
        this.calendar = calendar;
        this.config = config;
        this.user = user;
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public LocalDate blueLimit(LocalDate today) {
        return today.plusDays(config.warningWindowDays());
    }

    public WarningLight warningLight(Issue i) {
        LocalDate today = today();
        return WarningLights.of(i.status, i.deadline, i.behindFrom, today, blueLimit(today));
    }

    public List<IssueAction> allowedActions(Issue i) {
        return IssueAction.allowed(i.status, access.actorsFor(i));
    }

    // ---- reads ----

    @Transactional(Transactional.TxType.SUPPORTS)
    public Issue get(UUID id) {
        return access.readable(issues.findById(id), id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Issue> search(IssueFilter filter, PageRequest request) {
        IssueFilter scoped = access.restrictedToUnit().map(filter::visibleTo).orElse(filter);
        LocalDate today = today();
        return issues.search(scoped, request, today, blueLimit(today));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<cn.hanzhong.rectification.issues.domain.HistoryEntry> history(UUID id, PageRequest request) {
        get(id);
        return Page.of(historyEntries.find("issueId", request.panacheSort(), id), request, java.util.function.Function.identity());
    }

    // ---- registration and edits ----

    /**
     * Registers an issue. With an {@code externalId} that is already known this is an upsert: the
     * same body changes nothing; a different one updates the fields that differ.
     */
    public Registration register(IssueRequest r) {
        validateUnits(r.leadUnit(), r.cooperatingUnits(), r.districts());
        if (r.externalId() != null) {
            var existing = issues.findByExternalId(r.externalId());
            if (existing.isPresent()) {
                Issue issue = existing.get();
                if (r.code() != null && !r.code().equals(issue.code)) {
                    throw new InvalidInputException("code", "externalId " + r.externalId()
                            + " is already registered as " + issue.code);
                }
                boolean changed = applyContent(issue, r);
                issues.flush();
                return new Registration(issue, false, changed);
            }
        }
        Issue issue = new Issue();
        issue.id = UUID.randomUUID();
        issue.code = r.code() != null ? r.code() : nextCode(r.source());
        if (r.code() != null && issues.codeExists(r.code())) {
            throw new ConflictException("Code " + r.code() + " is already used by another issue");
        }
        issue.externalId = r.externalId();
        issue.source = r.source();
        issue.status = IssueStatus.REGISTERED;
        issue.title = r.title();
        issue.description = r.description();
        issue.category = r.category();
        issue.districts = list(r.districts());
        issue.target = r.target();
        issue.requirements = r.requirements();
        issue.measures = list(r.measures());
        issue.approach = r.approach();
        issue.track = r.track();
        issue.term = r.term();
        issue.deadline = r.deadline();
        issue.deadlineRule = r.deadline() != null ? DeadlineRule.fixed(r.deadline()) : null;
        issue.responsibleOfficials = officials(r.responsibleOfficials());
        issue.leadUnit = r.leadUnit();
        issue.cooperatingUnits = withoutLead(list(r.cooperatingUnits()), r.leadUnit());
        issue.createdAt = OffsetDateTime.now(ZONE);
        issue.updatedAt = issue.createdAt;
        issues.persist(issue);
        history.action(issue, "REGISTERED", null);
        events.publish(IssueEvents.REGISTERED, issue, new IssueEvents.IssueRegistered(IssueFacts.of(issue), issue.externalId));
        return new Registration(issue, true, true);
    }

    /** An office edit; only present fields change; a deadline change needs a reason. */
    public Issue update(UUID id, IssueUpdate u, Integer ifMatch) {
        access.requireOffice();
        Issue issue = lockedForChange(id, ifMatch);
        if (!issue.status.isOpen()) {
            throw new IllegalTransitionException("UPDATE", issue.status.name(), List.of());
        }
        validateUnits(null, u.cooperatingUnits(), u.districts());
        if (u.deadline() != null && !u.deadline().equals(issue.deadline)) {
            if (u.reason() == null || u.reason().isBlank()) {
                throw new InvalidInputException("reason", "is required when the deadline changes");
            }
            if (u.deadline().isBefore(today())) {
                throw new InvalidInputException("deadline", "must not be in the past");
            }
            changeDeadline(issue, u.deadline(), DeadlineRule.fixed(u.deadline()), "UPDATED", u.reason());
        }
        String reason = u.reason();
        set(issue, "title", issue.title, u.title(), v -> issue.title = v, reason);
        set(issue, "description", issue.description, u.description(), v -> issue.description = v, reason);
        set(issue, "category", issue.category, u.category(), v -> issue.category = v, reason);
        set(issue, "districts", issue.districts, u.districts(), v -> issue.districts = list(v), reason);
        set(issue, "target", issue.target, u.target(), v -> issue.target = v, reason);
        set(issue, "requirements", issue.requirements, u.requirements(), v -> issue.requirements = v, reason);
        set(issue, "measures", issue.measures, u.measures(), v -> issue.measures = list(v), reason);
        set(issue, "approach", issue.approach, u.approach(), v -> issue.approach = v, reason);
        set(issue, "track", issue.track, u.track(), v -> issue.track = v, reason);
        set(issue, "term", issue.term, u.term(), v -> issue.term = v, reason);
        if (u.responsibleOfficials() != null) {
            set(issue, "responsibleOfficials", issue.responsibleOfficials, officials(u.responsibleOfficials()),
                    v -> issue.responsibleOfficials = v, reason);
        }
        if (u.cooperatingUnits() != null) {
            set(issue, "cooperatingUnits", issue.cooperatingUnits, withoutLead(list(u.cooperatingUnits()), issue.leadUnit),
                    v -> issue.cooperatingUnits = v, reason);
        }
        touch(issue);
        issues.flush();
        return issue;
    }

    // ---- lifecycle ----

    public Issue transition(UUID id, TransitionRequest t, Integer ifMatch) {
        Issue issue = lockedForChange(id, ifMatch);
        IssueAction action = t.action();
        var actors = access.actorsFor(issue);
        if (!actors.contains(action.actor())) {
            throw new ForbiddenException(action.actor() == Actor.OFFICE
                    ? "Only the rectification office may " + action.name()
                    : "Only the lead unit may " + action.name());
        }
        if (!action.isAllowedFrom(issue.status)) {
            throw new IllegalTransitionException(action.name(), issue.status.name(),
                    IssueAction.allowed(issue.status, actors).stream().map(Enum::name).toList());
        }
        IssueStatus from = issue.status;
        LocalDate today = today();
        switch (action) {
            case ASSIGN -> assign(issue, t, today);
            case START -> { }
            case REQUEST_ACCEPTANCE -> {
                issue.evidence = required("evidence", t.evidence());
                issue.selfAssessment = required("selfAssessment", t.selfAssessment());
            }
            case ACCEPT -> {
                String opinion = required("opinion", t.opinion());
                LocalDate acceptedOn = t.acceptedOn() != null ? t.acceptedOn() : today;
                if (acceptedOn.isAfter(today)) {
                    throw new InvalidInputException("acceptedOn", "must not be in the future");
                }
                issue.acceptanceOpinion = opinion;
                issue.acceptedOn = acceptedOn;
                issue.acceptedBy = t.acceptedBy() != null && !t.acceptedBy().isBlank() ? t.acceptedBy() : user.name();
                issue.signedOffAt = OffsetDateTime.now(ZONE);
                history.change(issue, action.name(), "progressPercent", issue.progressPercent, 100, null);
                issue.progressPercent = 100;
            }
            case REJECT -> {
                required("reason", t.reason());
                issue.rejectionCount++;
            }
            case CANCEL -> issue.closingReason = required("reason", t.reason());
            case REOPEN -> {
                required("reason", t.reason());
                issue.signedOffAt = null;
            }
        }
        issue.status = action.target();
        history.change(issue, action.name(), "status", from, issue.status, t.reason());
        touch(issue);
        issues.flush();

        IssueFacts facts = IssueFacts.of(issue);
        events.publish(IssueEvents.STATUS_CHANGED, issue, new IssueEvents.IssueStatusChanged(
                facts, from, issue.status, action, user.unit().orElse(null), t.reason()));
        switch (action) {
            case ASSIGN -> events.publish(IssueEvents.ASSIGNED, issue, new IssueEvents.IssueAssigned(
                    facts, issue.assignedOn, issue.deadlineRule != null ? issue.deadlineRule.description() : null));
            case ACCEPT -> events.publish(IssueEvents.SIGNED_OFF, issue, new IssueEvents.IssueSignedOff(
                    facts, issue.acceptedBy, issue.acceptedOn,
                    issue.deadline == null || !issue.acceptedOn.isAfter(issue.deadline)));
            case REOPEN -> events.publish(IssueEvents.REOPENED, issue, new IssueEvents.IssueReopened(facts, t.reason()));
            default -> { }
        }
        return issue;
    }

    private void assign(Issue issue, TransitionRequest t, LocalDate today) {
        String lead = t.leadUnit() != null ? t.leadUnit() : issue.leadUnit;
        if (lead == null) {
            throw new InvalidInputException("leadUnit", "is required to assign an issue");
        }
        List<String> cooperating = t.cooperatingUnits() != null ? list(t.cooperatingUnits()) : issue.cooperatingUnits;
        validateUnits(lead, cooperating, null);
        if (t.deadline() != null && t.deadlineWorkingDays() != null) {
            throw new InvalidInputException("deadline", "give either deadline or deadlineWorkingDays, not both");
        }
        LocalDate deadline;
        DeadlineRule rule;
        if (t.deadlineWorkingDays() != null) {
            WorkingDayCalendar.Result r = calendar.add(today, t.deadlineWorkingDays());
            deadline = r.date();
            rule = DeadlineRule.workingDays(t.deadlineWorkingDays(), today, r.provisional());
        } else if (t.deadline() != null) {
            deadline = t.deadline();
            rule = DeadlineRule.fixed(deadline);
        } else if (issue.deadline != null) {
            deadline = issue.deadline;
            rule = issue.deadlineRule;
        } else {
            throw new InvalidInputException("deadline", "is required to assign an issue (or deadlineWorkingDays)");
        }
        if (deadline.isBefore(today)) {
            throw new InvalidInputException("deadline", "must not be in the past");
        }
        history.change(issue, "ASSIGN", "leadUnit", issue.leadUnit, lead, null);
        issue.leadUnit = lead;
        List<String> coop = withoutLead(cooperating, lead);
        history.change(issue, "ASSIGN", "cooperatingUnits", issue.cooperatingUnits, coop, null);
        issue.cooperatingUnits = coop;
        history.change(issue, "ASSIGN", "deadline", issue.deadline, deadline, rule.description());
        issue.deadline = deadline;
        issue.deadlineRule = rule;
        issue.assignedOn = today;
    }

    /**
     * Moves the deadline (extension approval or office edit), recording the old one and publishing
     * {@code issue.deadline-changed}.
     */
    void changeDeadline(Issue issue, LocalDate newDeadline, DeadlineRule rule, String action, String reason) {
        LocalDate old = issue.deadline;
        history.change(issue, action, "deadline", old, newDeadline, reason);
        issue.deadline = newDeadline;
        issue.deadlineRule = rule;
        touch(issue);
        events.publish(IssueEvents.DEADLINE_CHANGED, issue,
                new IssueEvents.IssueDeadlineChanged(IssueFacts.of(issue), old, newDeadline, reason));
    }

    /** Reads the issue for a change: 404 if invisible, 412 if {@code If-Match} is stale; row-locked. */
    Issue lockedForChange(UUID id, Integer ifMatch) {
        Issue issue = access.readable(issues.findForUpdate(id).orElse(null), id);
        if (ifMatch != null && ifMatch != issue.version) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " is not the current version "
                    + issue.version + "; read the issue again");
        }
        return issue;
    }

    void touch(Issue issue) {
        issue.updatedAt = OffsetDateTime.now(ZONE);
    }

    private boolean applyContent(Issue issue, IssueRequest r) {
        String reason = "update from the provincial system";
        List<Boolean> changed = new ArrayList<>();
        changed.add(set(issue, "title", issue.title, r.title(), v -> issue.title = v, reason));
        changed.add(set(issue, "description", issue.description, r.description(), v -> issue.description = v, reason));
        changed.add(set(issue, "category", issue.category, r.category(), v -> issue.category = v, reason));
        changed.add(set(issue, "districts", issue.districts, list(r.districts()), v -> issue.districts = v, reason));
        changed.add(set(issue, "target", issue.target, r.target(), v -> issue.target = v, reason));
        changed.add(set(issue, "requirements", issue.requirements, r.requirements(), v -> issue.requirements = v, reason));
        changed.add(set(issue, "measures", issue.measures, list(r.measures()), v -> issue.measures = v, reason));
        changed.add(set(issue, "approach", issue.approach, r.approach(), v -> issue.approach = v, reason));
        changed.add(set(issue, "track", issue.track, r.track(), v -> issue.track = v, reason));
        changed.add(set(issue, "term", issue.term, r.term(), v -> issue.term = v, reason));
        changed.add(set(issue, "responsibleOfficials", issue.responsibleOfficials, officials(r.responsibleOfficials()),
                v -> issue.responsibleOfficials = v, reason));
        boolean any = changed.contains(Boolean.TRUE);
        if (any) {
            touch(issue);
        }
        return any;
    }

    private <T> boolean set(Issue issue, String field, T current, T proposed, java.util.function.Consumer<T> setter,
                            String reason) {
        if (proposed == null || Objects.equals(current, proposed)) {
            return false;
        }
        history.change(issue, "UPDATED", field, current, proposed, reason);
        setter.accept(proposed);
        return true;
    }

    private void validateUnits(String lead, List<String> cooperating, List<String> districts) {
        List<cn.hanzhong.rectification.platform.errors.Problem.Violation> violations = new ArrayList<>();
        collect(violations, () -> units.requireActive("leadUnit", lead == null ? null : List.of(lead), false, null));
        collect(violations, () -> units.requireActive("cooperatingUnits", cooperating, true, null));
        collect(violations, () -> units.requireActive("districts", districts, true, UnitKind.COUNTY_DISTRICT));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static void collect(List<cn.hanzhong.rectification.platform.errors.Problem.Violation> into, Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            into.addAll(e.violations());
        }
    }

    private String nextCode(IssueSource source) {
        String prefix = switch (source) {
            case REPORT -> "FK-";
            case HANDED_OVER -> "JB-";
            case PETITION -> "XF-";
            case SELF_FOUND -> "ZC-";
        };
        String code;
        do {
            code = prefix + String.format("%03d", issues.nextCodeNumber());
        } while (issues.codeExists(code));
        return code;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return value;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    private static List<String> withoutLead(List<String> cooperating, String lead) {
        return new ArrayList<>(cooperating.stream().filter(c -> !c.equals(lead)).distinct().toList());
    }

    private static List<ResponsibleOfficial> officials(List<ResponsibleOfficialDto> dtos) {
        return dtos == null ? new ArrayList<>()
                : new ArrayList<>(dtos.stream().map(d -> new ResponsibleOfficial(d.name(), d.post())).toList());
    }

    /** For the progress and extension use cases: the issue, visible to the caller, locked. */
    Issue forLeadUnitChange(UUID id, Integer ifMatch) {
        Issue issue = lockedForChange(id, ifMatch);
        access.requireLeadUnit(issue);
        return issue;
    }
}
