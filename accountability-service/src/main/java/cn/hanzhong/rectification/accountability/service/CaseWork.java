package cn.hanzhong.rectification.accountability.service;

import cn.hanzhong.rectification.accountability.domain.AccountabilityCase;
import cn.hanzhong.rectification.accountability.domain.CaseStatus;
import cn.hanzhong.rectification.accountability.domain.Decision;
import cn.hanzhong.rectification.accountability.domain.RankBand;
import cn.hanzhong.rectification.accountability.domain.Review;
import cn.hanzhong.rectification.accountability.domain.ReviewOutcome;
import cn.hanzhong.rectification.accountability.domain.Subject;
import cn.hanzhong.rectification.accountability.domain.SubjectKind;
import cn.hanzhong.rectification.accountability.event.CaseEvents;
import cn.hanzhong.rectification.accountability.repository.AccountabilityCaseRepository;
import cn.hanzhong.rectification.accountability.repository.LegalBasisRepository;
import cn.hanzhong.rectification.accountability.repository.TrackedIssueRepository;
import cn.hanzhong.rectification.accountability.repository.TrackedPetitionRepository;
import cn.hanzhong.rectification.accountability.service.command.AmendCase;
import cn.hanzhong.rectification.accountability.service.command.ReviewDecision;
import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.lifecycle.Versions;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Working a case as discipline bodies do: amending it while it is proposed, opened or under
 * investigation, and after the decision only through a recorded review (复核/申诉). Every change is a
 * history line with its reason.
 */
@ApplicationScoped
@Transactional
public class CaseWork {

    private static final Set<CaseStatus> AMENDABLE = EnumSet.of(CaseStatus.PROPOSED, CaseStatus.OPENED, CaseStatus.INVESTIGATING);
    private static final Set<CaseStatus> REVIEWABLE = EnumSet.of(CaseStatus.DECIDED, CaseStatus.CLOSED);

    private final AccountabilityCaseRepository cases;
    private final LegalBasisRepository legalBases;
    private final TrackedIssueRepository issues;
    private final TrackedPetitionRepository petitions;
    private final CaseHistory history;
    private final CaseViews views;
    private final Outbox outbox;
    private final ProgrammeClock clock;

    public CaseWork(AccountabilityCaseRepository cases, LegalBasisRepository legalBases, TrackedIssueRepository issues,
                    TrackedPetitionRepository petitions, CaseHistory history, CaseViews views, Outbox outbox,
                    ProgrammeClock clock) {
        this.cases = cases;
        this.legalBases = legalBases;
        this.issues = issues;
        this.petitions = petitions;
        this.history = history;
        this.views = views;
        this.outbox = outbox;
        this.clock = clock;
    }

    public CaseView amend(UUID id, AmendCase a, Integer ifMatch) {
        AccountabilityCase c = locked(id, ifMatch);
        if (!AMENDABLE.contains(c.status)) {
            throw new IllegalTransitionException("AMEND", c.status.name(), List.of("REVIEW"));
        }
        if (a.reason() == null || a.reason().isBlank()) {
            throw new InvalidInputException("reason", "is required: every change of a case is recorded with why");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        List<Subject> subjects = subjects(c, a, violations);
        List<UUID> bases = changed(c.legalBases, a.addLegalBases() == null ? null
                : a.addLegalBases().stream().map(AmendCase.Citation::legalBasisId).toList(), a.removeLegalBases(),
                "addLegalBases", id2 -> legalBases.findByIdOptional(id2).isPresent(), "legal basis", violations);
        List<UUID> related = changed(c.relatedIssues, a.addRelatedIssues(), a.removeRelatedIssues(), "addRelatedIssues",
                id2 -> issues.findByIdOptional(id2).isPresent(), "issue", violations);
        List<UUID> relatedPetitions = changed(c.relatedPetitions, a.addRelatedPetitions(), a.removeRelatedPetitions(),
                "addRelatedPetitions", id2 -> petitions.findByIdOptional(id2).isPresent(), "petition", violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String why = a.reason();
        history.change(c, "AMEND", "subjects", describe(c.subjects), describe(subjects), why);
        c.subjects = subjects;
        Map<UUID, String> articles = new HashMap<>(c.citedArticles);
        if (a.addLegalBases() != null) {
            a.addLegalBases().stream().filter(x -> x.article() != null && !x.article().isBlank())
                    .forEach(x -> articles.put(x.legalBasisId(), x.article().strip()));
        }
        articles.keySet().retainAll(bases);
        history.change(c, "AMEND", "legalBases", citations(c.legalBases, c.citedArticles), citations(bases, articles), why);
        c.legalBases = bases;
        c.citedArticles = articles;
        if (a.allegations() != null) {
            history.change(c, "AMEND", "allegations", c.allegations, a.allegations(), why);
            c.allegations = a.allegations();
        }
        history.change(c, "AMEND", "relatedIssues", c.relatedIssues, related, why);
        c.relatedIssues = related;
        history.change(c, "AMEND", "relatedPetitions", c.relatedPetitions, relatedPetitions, why);
        c.relatedPetitions = relatedPetitions;
        c.updatedAt = clock.now();
        cases.flush();
        // The issues and petitions services follow the related records (the discipline body reads them).
        outbox.publish(CaseEvents.TOPIC, CaseEvents.AMENDED, c.id.toString(),
                new CaseEvents.CaseAmended(CaseEvents.CaseFacts.of(c)));
        return views.of(c);
    }

    public CaseView review(UUID id, ReviewDecision r, Integer ifMatch) {
        AccountabilityCase c = locked(id, ifMatch);
        if (!REVIEWABLE.contains(c.status)) {
            throw new IllegalTransitionException("REVIEW", c.status.name(), List.of());
        }
        List<Problem.Violation> violations = new ArrayList<>();
        Optional<Decision> decided = c.decisions.stream().filter(d -> d.subjectId().equals(r.subjectId())).findFirst();
        if (decided.isEmpty()) {
            violations.add(new Problem.Violation("subjectId", "no decision of this case concerns subject " + r.subjectId()));
        }
        if (r.outcome() == ReviewOutcome.CHANGED && (r.sanction() == null
                || decided.map(d -> d.sanction() == r.sanction()).orElse(false))) {
            violations.add(new Problem.Violation("sanction", "a CHANGED outcome gives the new, different sanction"));
        }
        if (r.date().isAfter(clock.today())) {
            violations.add(new Problem.Violation("date", "must not be in the future"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Decision before = decided.orElseThrow();
        List<Decision> decisions = new ArrayList<>(c.decisions);
        int at = decisions.indexOf(before);
        switch (r.outcome()) {
            case UPHELD -> { }
            case CHANGED -> decisions.set(at, new Decision(before.subjectId(), r.sanction(), r.decidingBody(),
                    r.documentNumber(), r.date()));
            case REVOKED -> decisions.remove(at);
        }
        Review review = new Review(r.subjectId(), r.outcome(), before.sanction(),
                r.outcome() == ReviewOutcome.REVOKED ? null : r.outcome() == ReviewOutcome.CHANGED ? r.sanction() : before.sanction(),
                r.decidingBody(), r.documentNumber(), r.date(), r.reason());
        List<Review> reviews = new ArrayList<>(c.reviews);
        reviews.add(review);
        history.change(c, "REVIEW", "decision " + subjectName(c, r.subjectId()), before.sanction(),
                review.sanctionAfter() == null ? r.outcome().name() : review.sanctionAfter(),
                r.outcome().name() + " " + r.documentNumber() + (r.reason() != null ? ": " + r.reason() : ""));
        c.decisions = decisions;
        c.reviews = reviews;
        c.updatedAt = clock.now();
        cases.flush();
        outbox.publish(CaseEvents.TOPIC, CaseEvents.REVIEWED, c.id.toString(), CaseEvents.CaseReviewed.of(c, review));
        return views.of(c);
    }

    private AccountabilityCase locked(UUID id, Integer ifMatch) {
        AccountabilityCase c = cases.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("Accountability case", id));
        Versions.requireCurrent(ifMatch, c.version);
        return c;
    }

    private static List<Subject> subjects(AccountabilityCase c, AmendCase a, List<Problem.Violation> violations) {
        List<Subject> subjects = new ArrayList<>(c.subjects);
        List<UUID> remove = a.removeSubjects() == null ? List.of() : a.removeSubjects();
        for (int i = 0; i < remove.size(); i++) {
            UUID gone = remove.get(i);
            if (!subjects.removeIf(s -> s.id().equals(gone))) {
                violations.add(new Problem.Violation("removeSubjects[" + i + "]", "is not a subject of this case"));
            }
        }
        List<Subject> add = a.addSubjects() == null ? List.of() : a.addSubjects();
        for (int i = 0; i < add.size(); i++) {
            normalised(add.get(i), "addSubjects[" + i + "]", violations).ifPresent(subjects::add);
        }
        if (subjects.isEmpty()) {
            violations.add(new Problem.Violation("removeSubjects", "a case keeps at least one subject"));
        }
        return subjects;
    }

    /** A new subject with its id, the rank band as its code; a person needs a name. */
    static Optional<Subject> normalised(Subject s, String field, List<Problem.Violation> violations) {
        Optional<RankBand> band = RankBand.parse(s.rankLevel());
        if (s.rankLevel() != null && band.isEmpty()) {
            violations.add(new Problem.Violation(field + ".rankLevel", "must be one of 厅局级, 县处级, 乡科级, 其他 (or "
                    + "BUREAU, COUNTY, TOWNSHIP, OTHER)"));
            return Optional.empty();
        }
        if (s.kind() == SubjectKind.UNIT && s.unit() == null) {
            violations.add(new Problem.Violation(field + ".unit", "a unit subject names its unit code"));
            return Optional.empty();
        }
        return Optional.of(new Subject(UUID.randomUUID(), s.kind(), s.name(), s.post(), s.unit(),
                band.map(Enum::name).orElse(null)));
    }

    private static List<UUID> changed(List<UUID> current, List<UUID> add, List<UUID> remove, String field,
                                      Predicate<UUID> exists, String what, List<Problem.Violation> violations) {
        List<UUID> out = new ArrayList<>(current);
        if (remove != null) {
            out.removeAll(remove);
        }
        if (add != null) {
            for (int i = 0; i < add.size(); i++) {
                if (!exists.test(add.get(i))) {
                    violations.add(new Problem.Violation(field + "[" + i + "]", "no " + what + " " + add.get(i)
                            + " is known to this service"));
                } else if (!out.contains(add.get(i))) {
                    out.add(add.get(i));
                }
            }
        }
        return out;
    }

    private static List<String> describe(List<Subject> subjects) {
        return subjects.stream().map(s -> s.kind() + " " + s.name() + (s.post() != null ? "（" + s.post() + "）" : "")
                + (s.rankLevel() != null ? " " + s.rankLevel() : "")).toList();
    }

    private static List<String> citations(List<UUID> bases, Map<UUID, String> articles) {
        return bases.stream().map(b -> b + (articles.containsKey(b) ? " " + articles.get(b) : "")).toList();
    }

    private static String subjectName(AccountabilityCase c, UUID subjectId) {
        return c.subjects.stream().filter(s -> s.id().equals(subjectId)).map(Subject::name).findFirst()
                .orElse(subjectId.toString());
    }
}
