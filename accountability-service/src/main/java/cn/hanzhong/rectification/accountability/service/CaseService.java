package cn.hanzhong.rectification.accountability.service;

import cn.hanzhong.rectification.accountability.config.AccountabilityConfig;
import cn.hanzhong.rectification.accountability.domain.AccountabilityCase;
import cn.hanzhong.rectification.accountability.domain.CaseAction;
import cn.hanzhong.rectification.accountability.domain.CaseSource;
import cn.hanzhong.rectification.accountability.domain.CaseStatus;
import cn.hanzhong.rectification.accountability.domain.Decision;
import cn.hanzhong.rectification.accountability.domain.HistoryEntry;
import cn.hanzhong.rectification.accountability.domain.LegalBasis;
import cn.hanzhong.rectification.accountability.domain.ResponsibleOfficial;
import cn.hanzhong.rectification.accountability.domain.Subject;
import cn.hanzhong.rectification.accountability.domain.SubjectKind;
import cn.hanzhong.rectification.accountability.event.CaseEvents;
import cn.hanzhong.rectification.accountability.repository.AccountabilityCaseRepository;
import cn.hanzhong.rectification.accountability.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.accountability.repository.LegalBasisRepository;
import cn.hanzhong.rectification.accountability.repository.TrackedIssueRepository;
import cn.hanzhong.rectification.accountability.repository.TrackedPetitionRepository;
import cn.hanzhong.rectification.accountability.service.command.OpenCase;
import cn.hanzhong.rectification.accountability.service.command.TransitionCase;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.lifecycle.TransitionGuard;
import cn.hanzhong.rectification.platform.lifecycle.Versions;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/** Accountability cases: opened by hand or proposed by triggers, investigated, decided, closed. */
@ApplicationScoped
@Transactional
public class CaseService {

    private final AccountabilityCaseRepository cases;
    private final LegalBasisRepository legalBases;
    private final TrackedIssueRepository issues;
    private final TrackedPetitionRepository petitions;
    private final HistoryEntryRepository historyEntries;
    private final CaseHistory history;
    private final CaseViews views;
    private final Outbox outbox;
    private final ProgrammeClock clock;
    private final AccountabilityConfig config;

    public CaseService(AccountabilityCaseRepository cases, LegalBasisRepository legalBases, TrackedIssueRepository issues,
                       TrackedPetitionRepository petitions, HistoryEntryRepository historyEntries, CaseHistory history,
                       CaseViews views, Outbox outbox, ProgrammeClock clock, AccountabilityConfig config) {
        this.config = config;
        this.cases = cases;
        this.legalBases = legalBases;
        this.issues = issues;
        this.petitions = petitions;
        this.historyEntries = historyEntries;
        this.history = history;
        this.views = views;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseView get(UUID id) {
        return views.of(find(id));
    }

    private AccountabilityCase find(UUID id) {
        return cases.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Accountability case", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CaseView> search(Set<CaseStatus> statuses, Set<CaseSource> sources, UUID issue, UUID petition,
                                           PageRequest request) {
        StringBuilder q = new StringBuilder("true = true");
        Parameters p = new Parameters();
        if (!statuses.isEmpty()) {
            q.append(" and status in :statuses");
            p.and("statuses", statuses);
        }
        if (!sources.isEmpty()) {
            q.append(" and source in :sources");
            p.and("sources", sources);
        }
        if (issue != null) {
            q.append(" and array_contains(relatedIssues, :issue)");
            p.and("issue", issue);
        }
        if (petition != null) {
            q.append(" and array_contains(relatedPetitions, :petition)");
            p.and("petition", petition);
        }
        return views.of(Page.of(cases.find(q.toString(), request.panacheSort(), p), request, Function.identity()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HistoryEntry> history(UUID id, PageRequest request) {
        find(id);
        return Page.of(historyEntries.find("caseId", request.panacheSort(), id), request, Function.identity());
    }

    /** A case opened by hand: status OPENED. */
    public CaseView open(OpenCase r) {
        List<UUID> related = list(r.relatedIssues());
        List<UUID> relatedPetitions = list(r.relatedPetitions());
        List<UUID> bases = list(r.legalBases());
        List<Problem.Violation> violations = new ArrayList<>();
        known(violations, "relatedIssues", related, id -> issues.findByIdOptional(id).isPresent(), "issue");
        known(violations, "relatedPetitions", relatedPetitions, id -> petitions.findByIdOptional(id).isPresent(), "petition");
        known(violations, "legalBases", bases, id -> legalBases.findByIdOptional(id).isPresent(), "legal basis");
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < r.subjects().size(); i++) {
            CaseWork.normalised(r.subjects().get(i), "subjects[" + i + "]", violations).ifPresent(subjects::add);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        AccountabilityCase c = newCase(r.source(), CaseStatus.OPENED, r.summary(), related, relatedPetitions);
        c.allegations = r.allegations();
        c.legalBases = new ArrayList<>(bases);
        c.subjects = subjects;
        cases.persist(c);
        history.action(c, "OPENED_BY_HAND", null);
        publish(c, CaseEvents.OPENED, new CaseEvents.CaseOpened(CaseEvents.CaseFacts.of(c)));
        return views.of(c);
    }

    /**
     * A case proposed by a trigger, at most once per {@code triggerKey}: a second call for the same
     * cause (redelivery, restart, another instance) finds the first and does nothing.
     */
    public boolean propose(Proposal p) {
        if (cases.count("triggerKey", p.triggerKey()) > 0) {
            return false;
        }
        AccountabilityCase c = newCase(p.source(), CaseStatus.PROPOSED, p.summary(), p.relatedIssues(), p.relatedPetitions());
        c.triggerKey = p.triggerKey();
        c.triggerFacts = new HashMap<>(p.facts());
        List<Subject> subjects = new ArrayList<>();
        if (p.subjectUnit() != null) {
            subjects.add(new Subject(UUID.randomUUID(), SubjectKind.UNIT, p.subjectUnit(), null, p.subjectUnit(), null));
        }
        for (ResponsibleOfficial o : p.officials()) {
            if (o.name() != null && !o.name().isBlank()) {
                subjects.add(new Subject(UUID.randomUUID(), SubjectKind.PERSON, o.name(), o.post(), p.subjectUnit(), null));
            }
        }
        c.subjects = subjects;
        suggestedBasis(p.source()).ifPresent(b -> {
            c.legalBases = new ArrayList<>(List.of(b.id));
            if (b.article != null) {
                c.citedArticles.put(b.id, b.article);
            }
        });
        cases.persist(c);
        history.action(c, "PROPOSED", p.triggerKey());
        publish(c, CaseEvents.PROPOSED, new CaseEvents.CaseProposed(CaseEvents.CaseFacts.of(c), p.summary()));
        return true;
    }

    /** The catalogue entry configured as the usual basis for cases of {@code source}, if any. */
    private Optional<LegalBasis> suggestedBasis(CaseSource source) {
        String code = config.suggestedLegalBasis().get(source.name());
        return code == null ? Optional.empty() : legalBases.find("code", code).firstResultOptional();
    }

    public CaseView transition(UUID id, TransitionCase t, Integer ifMatch) {
        AccountabilityCase c = locked(id, ifMatch);
        CaseAction action = t.action();
        TransitionGuard.check(action, c.status, null, action.isAllowedFrom(c.status), CaseAction.allowed(c.status));
        switch (action) {
            case DISMISS -> {
                if (t.reason() == null || t.reason().isBlank()) {
                    throw new InvalidInputException("reason", "is required to dismiss a proposal");
                }
                c.closingReason = t.reason();
            }
            case DECIDE -> decide(c, t.decisions());
            default -> { }
        }
        CaseStatus from = c.status;
        c.status = action.target();
        c.updatedAt = clock.now();
        history.change(c, action.name(), "status", from, c.status, t.reason());
        cases.flush();
        switch (action) {
            case OPEN -> publish(c, CaseEvents.OPENED, new CaseEvents.CaseOpened(CaseEvents.CaseFacts.of(c)));
            case DECIDE -> publish(c, CaseEvents.DECIDED, CaseEvents.CaseDecided.of(c));
            case CLOSE -> publish(c, CaseEvents.CLOSED, new CaseEvents.CaseClosed(CaseEvents.CaseFacts.of(c)));
            default -> { }
        }
        return views.of(c);
    }

    /** Whether the public summary may show the case, and the text it shows. */
    public CaseView setDisclosure(UUID id, boolean disclosable, String disclosure) {
        AccountabilityCase c = find(id);
        history.change(c, "DISCLOSURE", "disclosable", c.disclosable, disclosable, disclosure);
        c.disclosable = disclosable;
        c.disclosure = disclosure;
        c.updatedAt = clock.now();
        cases.flush();
        return views.of(c);
    }

    private AccountabilityCase locked(UUID id, Integer ifMatch) {
        AccountabilityCase c = cases.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("Accountability case", id));
        Versions.requireCurrent(ifMatch, c.version);
        return c;
    }

    private void publish(AccountabilityCase c, String type, Object payload) {
        outbox.publish(CaseEvents.TOPIC, type, c.id.toString(), payload);
    }

    private void decide(AccountabilityCase c, List<Decision> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidInputException("decisions", "at least one decision per subject is required");
        }
        Set<UUID> subjects = new HashSet<>(c.subjects.stream().map(Subject::id).toList());
        List<Problem.Violation> violations = new ArrayList<>();
        Set<UUID> covered = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Decision d = given.get(i);
            if (!subjects.contains(d.subjectId())) {
                violations.add(new Problem.Violation("decisions[" + i + "].subjectId", "is not a subject of this case"));
            }
            if (d.date().isAfter(clock.today())) {
                violations.add(new Problem.Violation("decisions[" + i + "].date", "must not be in the future"));
            }
            covered.add(d.subjectId());
        }
        if (!covered.containsAll(subjects)) {
            violations.add(new Problem.Violation("decisions", "every subject needs at least one decision"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        c.decisions = new ArrayList<>(given);
        c.decidedOn = given.stream().map(Decision::date).max(LocalDate::compareTo).orElse(null);
    }

    private AccountabilityCase newCase(CaseSource source, CaseStatus status, String summary, List<UUID> relatedIssues,
                                       List<UUID> relatedPetitions) {
        AccountabilityCase c = new AccountabilityCase();
        c.id = UUID.randomUUID();
        long n = ((Number) cases.getEntityManager().createNativeQuery("select nextval('case_code_seq')").getSingleResult())
                .longValue();
        c.code = String.format("WZ-%d-%04d", clock.today().getYear(), n);
        c.source = source;
        c.status = status;
        c.summary = summary;
        c.relatedIssues = new ArrayList<>(relatedIssues);
        c.relatedPetitions = new ArrayList<>(relatedPetitions);
        c.createdAt = clock.now();
        c.updatedAt = c.createdAt;
        return c;
    }

    private static void known(List<Problem.Violation> out, String field, List<UUID> ids,
                              Predicate<UUID> exists, String what) {
        for (int i = 0; i < ids.size(); i++) {
            if (!exists.test(ids.get(i))) {
                out.add(new Problem.Violation(field + "[" + i + "]", "no " + what + " " + ids.get(i) + " is known to this service"));
            }
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
