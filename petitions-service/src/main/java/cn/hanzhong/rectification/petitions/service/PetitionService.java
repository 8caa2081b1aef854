package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Actor;
import cn.hanzhong.rectification.petitions.domain.Feedback;
import cn.hanzhong.rectification.petitions.domain.HistoryEntry;
import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.PetitionAction;
import cn.hanzhong.rectification.petitions.domain.PetitionBatch;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.petitions.domain.ReporterReveal;
import cn.hanzhong.rectification.petitions.event.PetitionEvents.PetitionFacts;
import cn.hanzhong.rectification.petitions.event.PetitionEvents;
import cn.hanzhong.rectification.petitions.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.petitions.repository.PetitionBatchRepository;
import cn.hanzhong.rectification.petitions.repository.PetitionFilter;
import cn.hanzhong.rectification.petitions.repository.PetitionRepository;
import cn.hanzhong.rectification.petitions.repository.ReporterRevealRepository;
import cn.hanzhong.rectification.petitions.service.command.GiveFeedback;
import cn.hanzhong.rectification.petitions.service.command.PetitionTransition;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.lifecycle.TransitionGuard;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Petition handling: assignment, investigation, conclusion, review, look-back, feedback, reveal. */
@ApplicationScoped
@Transactional
public class PetitionService {

    private static final Pattern UNIT_CODE = Pattern.compile("[A-Z][A-Z0-9_-]{1,39}");

    private final PetitionRepository petitions;
    private final PetitionBatchRepository batches;
    private final HistoryEntryRepository historyEntries;
    private final ReporterRevealRepository reveals;
    private final PetitionAccess access;
    private final PetitionLocks locks;
    private final PetitionViews views;
    private final History history;
    private final Outbox outbox;
    private final ReporterVault vault;
    private final WorkingDayCalendar calendar;
    private final CurrentUser user;
    private final ProgrammeClock clock;
    private final RevealAudits audits;

    public PetitionService(PetitionRepository petitions, PetitionBatchRepository batches,
                           HistoryEntryRepository historyEntries, ReporterRevealRepository reveals,
                           PetitionAccess access, PetitionLocks locks, PetitionViews views, History history,
                           Outbox outbox, ReporterVault vault, WorkingDayCalendar calendar, CurrentUser user,
                           ProgrammeClock clock, RevealAudits audits) {
        this.audits = audits;
        this.petitions = petitions;
        this.batches = batches;
        this.historyEntries = historyEntries;
        this.reveals = reveals;
        this.access = access;
        this.locks = locks;
        this.views = views;
        this.history = history;
        this.outbox = outbox;
        this.vault = vault;
        this.calendar = calendar;
        this.user = user;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PetitionView get(UUID id) {
        return views.of(readable(id));
    }

    /** The petition if the caller may read it, else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Petition readable(UUID id) {
        return access.readable(petitions.findById(id), id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PetitionView> search(PetitionFilter filter, PageRequest request) {
        PetitionFilter scoped = access.restrictedToUnit().map(filter::visibleTo).orElse(filter);
        return petitions.search(scoped, request, clock.today()).map(views::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HistoryEntry> history(UUID id, PageRequest request) {
        readable(id);
        return Page.of(historyEntries.find("petitionId", request.panacheSort(), id), request, Function.identity());
    }

    public PetitionView transition(UUID id, PetitionTransition t, Integer ifMatch) {
        Petition p = locks.forChange(id, ifMatch);
        PetitionAction action = t.action();
        guard(p, action);
        PetitionStatus from = p.status;
        switch (action) {
            case ASSIGN -> assign(p, t.assignment());
            case START_INVESTIGATION, CLOSE, CONFIRM -> { }
            case CONCLUDE -> conclude(p, t.conclusion());
            case RETURN -> required("reason", t.reason());
            case REOPEN -> {
                required("reason", t.reason());
                p.reopenCount++;
            }
            case MARK_DUPLICATE -> {
                if (t.duplicateOf() == null) {
                    throw new InvalidInputException("duplicateOf", "is required to mark a duplicate");
                }
                Petition original = petitions.findByIdOptional(t.duplicateOf())
                        .orElseThrow(() -> new InvalidInputException("duplicateOf", "no petition " + t.duplicateOf()));
                if (original.id.equals(p.id) || original.status == PetitionStatus.DUPLICATE) {
                    throw new InvalidInputException("duplicateOf", "must be another, original case");
                }
                p.duplicateOf = original.id;
                history.change(p, action.name(), "duplicateOf", null, original.caseNumber, t.reason());
            }
        }
        p.status = action.target();
        history.change(p, action.name(), "status", from, p.status, t.reason());
        p.touch(clock.now());
        petitions.flush();

        PetitionFacts facts = PetitionFacts.of(p);
        publish(p, PetitionEvents.STATUS_CHANGED, new PetitionEvents.PetitionStatusChanged(facts, from, p.status,
                action.name(), user.unit().orElse(null), t.reason()));
        switch (action) {
            case ASSIGN -> publish(p, PetitionEvents.ASSIGNED, new PetitionEvents.PetitionAssigned(facts, p.deadlineRule));
            case CONCLUDE -> publish(p, PetitionEvents.CONCLUDED, concluded(p, facts));
            case REOPEN -> publish(p, PetitionEvents.REOPENED,
                    new PetitionEvents.PetitionReopened(facts, "LOOK_BACK", p.reopenCount));
            default -> { }
        }
        return views.of(p);
    }

    private void guard(Petition p, PetitionAction action) {
        Set<Actor> actors = access.actorsFor(p);
        String refusal = actors.contains(action.actor()) ? null
                : action.actor() == Actor.OFFICE ? "Only the rectification office may " + action.name()
                : "Only the lead unit may " + action.name();
        TransitionGuard.check(action, p.status, refusal, action.isAllowedFrom(p.status),
                PetitionAction.allowed(p.status, actors));
    }

    private void publish(Petition p, String type, Object payload) {
        outbox.publish(PetitionEvents.TOPIC, type, p.id.toString(), payload);
    }

    /** Petitioner feedback after closing; UNSATISFIED reopens the case (群众不满意不放过). */
    public PetitionView feedback(UUID id, GiveFeedback f) {
        access.requireOffice();
        Petition p = locks.forChange(id, null);
        if (p.status != PetitionStatus.CLOSED && p.status != PetitionStatus.CONFIRMED) {
            throw new IllegalTransitionException("FEEDBACK", p.status.name(), List.of());
        }
        LocalDate today = clock.today();
        LocalDate on = f.on() != null ? f.on() : today;
        if (on.isAfter(today)) {
            throw new InvalidInputException("on", "must not be in the future");
        }
        history.change(p, "FEEDBACK", "feedback", p.feedback, f.feedback(), f.note());
        p.feedback = f.feedback();
        p.feedbackOn = on;
        p.feedbackNote = f.note();
        if (f.feedback() == Feedback.UNSATISFIED) {
            PetitionStatus from = p.status;
            p.status = PetitionStatus.INVESTIGATING;
            p.reopenCount++;
            history.change(p, "REOPEN", "status", from, p.status, "petitioner unsatisfied");
            p.touch(clock.now());
            petitions.flush();
            PetitionFacts facts = PetitionFacts.of(p);
            publish(p, PetitionEvents.STATUS_CHANGED, new PetitionEvents.PetitionStatusChanged(facts, from,
                    p.status, PetitionEvents.FEEDBACK_ACTION, null, "petitioner unsatisfied"));
            publish(p, PetitionEvents.REOPENED,
                    new PetitionEvents.PetitionReopened(facts, "UNSATISFIED_FEEDBACK", p.reopenCount));
        } else {
            p.touch(clock.now());
        }
        return views.of(p);
    }

    /** Office change of the deadline, with a reason. */
    public PetitionView changeDeadline(UUID id, LocalDate deadline, String reason, Integer ifMatch) {
        access.requireOffice();
        Petition p = locks.forChange(id, ifMatch);
        if (!p.status.isOpen() || p.deadline == null) {
            throw new IllegalTransitionException("CHANGE_DEADLINE", p.status.name(), List.of());
        }
        required("reason", reason);
        if (deadline.isBefore(clock.today())) {
            throw new InvalidInputException("deadline", "must not be in the past");
        }
        LocalDate old = p.deadline;
        if (old.equals(deadline)) {
            return views.of(p);
        }
        history.change(p, "DEADLINE_CHANGED", "deadline", old, deadline, reason);
        p.deadline = deadline;
        p.deadlineRule = "fixed date " + deadline;
        p.deadlineWorkingDays = null;
        p.deadlineFrom = null;
        p.deadlineProvisional = false;
        p.touch(clock.now());
        petitions.flush();
        publish(p, PetitionEvents.DEADLINE_CHANGED,
                new PetitionEvents.PetitionDeadlineChanged(PetitionFacts.of(p), old, deadline, reason));
        return views.of(p);
    }

    /** The reporter in clear, for the office, with an audit record of who, when and why. */
    public ReporterVault.Reporter reveal(UUID id, String reason) {
        if (!access.actsForOffice()) {
            audits.denied(id, reason);
            throw new ForbiddenException("Only the rectification office may reveal a reporter; the attempt is recorded");
        }
        Petition p = readable(id);
        audits.allowed(p, reason);
        return vault.reveal(p);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReporterReveal> reveals(UUID petitionId, PageRequest request) {
        access.requireOffice();
        if (petitionId != null) {
            return Page.of(reveals.find("petitionId", request.panacheSort(), petitionId), request, Function.identity());
        }
        return Page.of(reveals.findAll(request.panacheSort()), request, Function.identity());
    }

    private void assign(Petition p, PetitionTransition.Assignment t) {
        String lead = t.leadUnit() != null ? t.leadUnit() : p.leadUnit;
        if (lead == null || !UNIT_CODE.matcher(lead).matches()) {
            throw new InvalidInputException("leadUnit", lead == null ? "is required to assign a petition" : "is not a unit code");
        }
        List<String> coop = t.cooperatingUnits() != null ? t.cooperatingUnits() : p.cooperatingUnits;
        for (int i = 0; i < coop.size(); i++) {
            if (!UNIT_CODE.matcher(coop.get(i)).matches()) {
                throw new InvalidInputException("cooperatingUnits[" + i + "]", "is not a unit code");
            }
        }
        LocalDate today = clock.today();
        if (t.deadline() != null) {
            if (t.deadline().isBefore(today)) {
                throw new InvalidInputException("deadline", "must not be in the past");
            }
            p.deadline = t.deadline();
            p.deadlineRule = "fixed date " + t.deadline();
            p.deadlineWorkingDays = null;
            p.deadlineFrom = null;
            p.deadlineProvisional = false;
        } else {
            PetitionBatch batch = batches.findById(p.batchNumber);
            WorkingDayCalendar.Result r = calendar.add(today, batch.deadlineWorkingDays);
            p.countDeadline(batch.deadlineWorkingDays, today, r);
        }
        history.change(p, "ASSIGN", "leadUnit", p.leadUnit, lead, null);
        history.change(p, "ASSIGN", "deadline", null, p.deadline, p.deadlineRule);
        p.leadUnit = lead;
        p.cooperatingUnits = new ArrayList<>(coop.stream().filter(c -> !c.equals(lead)).distinct().toList());
    }

    private void conclude(Petition p, PetitionTransition.Conclusion t) {
        List<Problem.Violation> missing = new ArrayList<>();
        if (t.finding() == null) {
            missing.add(new Problem.Violation("finding", "is required to conclude"));
        }
        if (t.investigation() == null || t.investigation().isBlank()) {
            missing.add(new Problem.Violation("investigation", "is required to conclude"));
        }
        if (t.handling() == null) {
            missing.add(new Problem.Violation("handling", "is required to conclude"));
        }
        if (t.completion() == null) {
            missing.add(new Problem.Violation("completion", "is required to conclude"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        p.finding = t.finding();
        p.investigation = t.investigation();
        p.handling = t.handling();
        p.completion = t.completion();
        p.publicReply = t.publicReply();
        p.accountabilityNote = t.accountability();
        history.change(p, "CONCLUDE", "finding", null, p.finding, null);
        history.change(p, "CONCLUDE", "completion", null, p.completion, null);
    }

    private static PetitionEvents.PetitionConcluded concluded(Petition p, PetitionFacts facts) {
        return new PetitionEvents.PetitionConcluded(facts, p.finding, p.completion, p.handling.rectificationOrders,
                p.handling.penaltyCases, p.handling.finesYuan, p.handling.criminalCases, p.handling.detentions,
                p.handling.talks, p.handling.personsHeldAccountable);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return value;
    }
}
