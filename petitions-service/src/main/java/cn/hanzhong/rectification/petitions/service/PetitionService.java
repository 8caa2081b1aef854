package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Actor;
import cn.hanzhong.rectification.petitions.domain.Feedback;
import cn.hanzhong.rectification.petitions.domain.HistoryEntry;
import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.PetitionAction;
import cn.hanzhong.rectification.petitions.domain.PetitionBatch;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.petitions.domain.ReporterReveal;
import cn.hanzhong.rectification.petitions.event.PetitionEvents;
import cn.hanzhong.rectification.petitions.event.PetitionEvents.PetitionFacts;
import cn.hanzhong.rectification.petitions.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.petitions.repository.PetitionBatchRepository;
import cn.hanzhong.rectification.petitions.repository.PetitionFilter;
import cn.hanzhong.rectification.petitions.repository.PetitionRepository;
import cn.hanzhong.rectification.petitions.repository.ReporterRevealRepository;
import cn.hanzhong.rectification.petitions.rest.dto.FeedbackRequest;
import cn.hanzhong.rectification.petitions.rest.dto.HandlingDto;
import cn.hanzhong.rectification.petitions.rest.dto.TransitionRequest;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.PreconditionFailedException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Petition handling: assignment, investigation, conclusion, review, look-back, feedback, reveal. */
@ApplicationScoped
@Transactional
public class PetitionService {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern UNIT_CODE = Pattern.compile("[A-Z][A-Z0-9_-]{1,39}");

    private final PetitionRepository petitions;
    private final PetitionBatchRepository batches;
    private final HistoryEntryRepository historyEntries;
    private final ReporterRevealRepository reveals;
    private final PetitionAccess access;
    private final History history;
    private final EventPublisher events;
    private final ReporterVault vault;
    private final WorkingDayCalendar calendar;
    private final CurrentUser user;

    public PetitionService(PetitionRepository petitions, PetitionBatchRepository batches,
                           HistoryEntryRepository historyEntries, ReporterRevealRepository reveals,
                           PetitionAccess access, History history, EventPublisher events, ReporterVault vault,
                           WorkingDayCalendar calendar, CurrentUser user) {
        this.petitions = petitions;
        this.batches = batches;
        this.historyEntries = historyEntries;
        this.reveals = reveals;
        this.access = access;
        this.history = history;
        this.events = events;
        this.vault = vault;
        this.calendar = calendar;
        this.user = user;
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public List<PetitionAction> allowedActions(Petition p) {
        return PetitionAction.allowed(p.status, access.actorsFor(p));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Petition get(UUID id) {
        return access.readable(petitions.findById(id), id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Petition> search(PetitionFilter filter, PageRequest request) {
        PetitionFilter scoped = access.restrictedToUnit().map(filter::visibleTo).orElse(filter);
        return petitions.search(scoped, request, today());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HistoryEntry> history(UUID id, PageRequest request) {
        get(id);
        return Page.of(historyEntries.find("petitionId", request.panacheSort(), id), request, Function.identity());
    }

    public Petition transition(UUID id, TransitionRequest t, Integer ifMatch) {
        Petition p = locked(id, ifMatch);
        PetitionAction action = t.action();
        var actors = access.actorsFor(p);
        if (!actors.contains(action.actor())) {
            throw new ForbiddenException(action.actor() == Actor.OFFICE
                    ? "Only the rectification office may " + action.name() : "Only the lead unit may " + action.name());
        }
        if (!action.isAllowedFrom(p.status)) {
            throw new IllegalTransitionException(action.name(), p.status.name(),
                    PetitionAction.allowed(p.status, actors).stream().map(Enum::name).toList());
        }
        PetitionStatus from = p.status;
        switch (action) {
            case ASSIGN -> assign(p, t);
            case START_INVESTIGATION, CLOSE, CONFIRM -> { }
            case CONCLUDE -> conclude(p, t);
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
        touch(p);
        petitions.flush();

        PetitionFacts facts = PetitionFacts.of(p);
        events.publish(PetitionEvents.STATUS_CHANGED, p, new PetitionEvents.PetitionStatusChanged(facts, from, p.status,
                action.name(), user.unit().orElse(null), t.reason()));
        switch (action) {
            case ASSIGN -> events.publish(PetitionEvents.ASSIGNED, p, new PetitionEvents.PetitionAssigned(facts, p.deadlineRule));
            case CONCLUDE -> events.publish(PetitionEvents.CONCLUDED, p, concluded(p, facts));
            case REOPEN -> events.publish(PetitionEvents.REOPENED, p,
                    new PetitionEvents.PetitionReopened(facts, "LOOK_BACK", p.reopenCount));
            default -> { }
        }
        return p;
    }

    /** Petitioner feedback after closing; UNSATISFIED reopens the case (群众不满意不放过). */
    public Petition feedback(UUID id, FeedbackRequest f) {
        access.requireOffice();
        Petition p = locked(id, null);
        if (p.status != PetitionStatus.CLOSED && p.status != PetitionStatus.CONFIRMED) {
            throw new IllegalTransitionException("FEEDBACK", p.status.name(), List.of());
        }
        LocalDate on = f.on() != null ? f.on() : today();
        if (on.isAfter(today())) {
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
            touch(p);
            petitions.flush();
            PetitionFacts facts = PetitionFacts.of(p);
            events.publish(PetitionEvents.STATUS_CHANGED, p, new PetitionEvents.PetitionStatusChanged(facts, from,
                    p.status, PetitionEvents.FEEDBACK_ACTION, null, "petitioner unsatisfied"));
            events.publish(PetitionEvents.REOPENED, p,
                    new PetitionEvents.PetitionReopened(facts, "UNSATISFIED_FEEDBACK", p.reopenCount));
        } else {
            touch(p);
        }
        return p;
    }

    /** Office change of the deadline, with a reason. */
    public Petition changeDeadline(UUID id, LocalDate deadline, String reason, Integer ifMatch) {
        access.requireOffice();
        Petition p = locked(id, ifMatch);
        if (!p.status.isOpen() || p.deadline == null) {
            throw new IllegalTransitionException("CHANGE_DEADLINE", p.status.name(), List.of());
        }
        required("reason", reason);
        if (deadline.isBefore(today())) {
            throw new InvalidInputException("deadline", "must not be in the past");
        }
        LocalDate old = p.deadline;
        if (old.equals(deadline)) {
            return p;
        }
        history.change(p, "DEADLINE_CHANGED", "deadline", old, deadline, reason);
        p.deadline = deadline;
        p.deadlineRule = "fixed date " + deadline;
        touch(p);
        petitions.flush();
        events.publish(PetitionEvents.DEADLINE_CHANGED, p,
                new PetitionEvents.PetitionDeadlineChanged(PetitionFacts.of(p), old, deadline, reason));
        return p;
    }

    /** The reporter in clear, for the office, with an audit record of who, when and why. */
    public ReporterVault.Reporter reveal(UUID id, String reason) {
        access.requireOffice();
        Petition p = get(id);
        ReporterReveal audit = new ReporterReveal();
        audit.petitionId = p.id;
        audit.at = OffsetDateTime.now(ZONE);
        audit.actor = user.subject();
        audit.actorName = user.name();
        audit.reason = reason;
        reveals.persist(audit);
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

    private void assign(Petition p, TransitionRequest t) {
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
        LocalDate today = today();
        if (t.deadline() != null) {
            if (t.deadline().isBefore(today)) {
                throw new InvalidInputException("deadline", "must not be in the past");
            }
            p.deadline = t.deadline();
            p.deadlineRule = "fixed date " + t.deadline();
        } else {
            PetitionBatch batch = batches.findById(p.batchNumber);
            WorkingDayCalendar.Result r = calendar.add(today, batch.deadlineWorkingDays);
            p.deadline = r.date();
            p.deadlineRule = batch.deadlineWorkingDays + " working days from " + today
                    + (r.provisional() ? " (provisional: holiday calendar not yet published)" : "");
        }
        history.change(p, "ASSIGN", "leadUnit", p.leadUnit, lead, null);
        history.change(p, "ASSIGN", "deadline", null, p.deadline, p.deadlineRule);
        p.leadUnit = lead;
        p.cooperatingUnits = new ArrayList<>(coop.stream().filter(c -> !c.equals(lead)).distinct().toList());
    }

    private void conclude(Petition p, TransitionRequest t) {
        List<cn.hanzhong.rectification.platform.errors.Problem.Violation> missing = new ArrayList<>();
        if (t.finding() == null) {
            missing.add(new cn.hanzhong.rectification.platform.errors.Problem.Violation("finding", "is required to conclude"));
        }
        if (t.investigation() == null || t.investigation().isBlank()) {
            missing.add(new cn.hanzhong.rectification.platform.errors.Problem.Violation("investigation", "is required to conclude"));
        }
        if (t.handling() == null) {
            missing.add(new cn.hanzhong.rectification.platform.errors.Problem.Violation("handling", "is required to conclude"));
        }
        if (t.completion() == null) {
            missing.add(new cn.hanzhong.rectification.platform.errors.Problem.Violation("completion", "is required to conclude"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        p.finding = t.finding();
        p.investigation = t.investigation();
        HandlingDto h = t.handling();
        p.handling.narrative = h.narrative();
        p.handling.rectificationOrders = h.rectificationOrders();
        p.handling.penaltyCases = h.penaltyCases();
        p.handling.finesYuan = h.finesYuan() != null ? h.finesYuan() : BigDecimal.ZERO;
        p.handling.criminalCases = h.criminalCases();
        p.handling.detentions = h.detentions();
        p.handling.talks = h.talks();
        p.handling.personsHeldAccountable = h.personsHeldAccountable();
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

    Petition locked(UUID id, Integer ifMatch) {
        Petition p = access.readable(petitions.findForUpdate(id).orElse(null), id);
        if (ifMatch != null && ifMatch != p.version) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " is not the current version " + p.version);
        }
        return p;
    }

    void touch(Petition p) {
        p.updatedAt = OffsetDateTime.now(ZONE);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return value;
    }
}
