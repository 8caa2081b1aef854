package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.EvidenceRecord;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.LookBack;
import cn.hanzhong.rectification.issues.domain.LookBackCheck;
import cn.hanzhong.rectification.issues.domain.LookBackOutcome;
import cn.hanzhong.rectification.issues.domain.LookBackSampling;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.IssueFacts;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.repository.LookBackCheckRepository;
import cn.hanzhong.rectification.issues.repository.LookBackRepository;
import cn.hanzhong.rectification.issues.service.command.DrawLookBack;
import cn.hanzhong.rectification.issues.service.command.RecordLookBackCheck;
import cn.hanzhong.rectification.issues.service.command.Transition;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.security.UnitScope;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Look-back (回头看) by random sample: the office draws signed-off issues with a recorded seed, each
 * sampled issue is checked by a unit other than its lead unit, and a recurrence or a paper
 * rectification sends the issue back to rectification (the latter also announced for accountability).
 */
@ApplicationScoped
@Transactional
public class LookBacks {

    private static final Set<String> STRATA = Set.of("DISTRICT", "CATEGORY");
    private static final SecureRandom SEEDS = new SecureRandom();

    /** A look-back with the checks the caller may see and the codes of their issues. */
    public record View(LookBack lookBack, List<LookBackCheck> checks, Map<UUID, String> codes) {
    }

    /** A re-draw of a look-back from its recorded population and seed. */
    public record Verification(UUID lookBackId, long seed, int populationSize, boolean populationIntact,
                               List<UUID> recorded, List<UUID> redrawn, boolean matches) {
    }

    /** Look-back figures of one lead unit or district. */
    public record Figures(String key, long signedOff, long sampled, long checked, long confirmed, long recurred,
                          long paperRectification, Double coverage, Double recurrenceRate, Double paperRectificationRate) {
    }

    private final LookBackRepository lookBacks;
    private final LookBackCheckRepository checks;
    private final IssueRepository issues;
    private final UnitService units;
    private final IssueTransitions transitions;
    private final EvidenceService evidence;
    private final History history;
    private final Outbox outbox;
    private final UnitScope scope;
    private final CurrentUser user;
    private final WorkingDayCalendar calendar;
    private final ProgrammeClock clock;

    public LookBacks(LookBackRepository lookBacks, LookBackCheckRepository checks, IssueRepository issues, UnitService units,
                     IssueTransitions transitions, EvidenceService evidence, History history, Outbox outbox, UnitScope scope,
                     CurrentUser user, WorkingDayCalendar calendar, ProgrammeClock clock) {
        this.lookBacks = lookBacks;
        this.checks = checks;
        this.issues = issues;
        this.units = units;
        this.transitions = transitions;
        this.evidence = evidence;
        this.history = history;
        this.outbox = outbox;
        this.scope = scope;
        this.user = user;
        this.calendar = calendar;
        this.clock = clock;
    }

    public View draw(DrawLookBack d) {
        scope.requireOffice();
        LocalDate today = clock.today();
        List<Problem.Violation> violations = new ArrayList<>();
        if ((d.count() == null) == (d.percent() == null)) {
            violations.add(new Problem.Violation("count", "give either count or percent"));
        }
        if (d.percent() != null && (d.percent().signum() <= 0 || d.percent().compareTo(BigDecimal.valueOf(100)) > 0)) {
            violations.add(new Problem.Violation("percent", "must be more than 0 and at most 100"));
        }
        List<String> stratify = d.stratifyBy() == null ? List.of() : List.copyOf(new LinkedHashSet<>(d.stratifyBy()));
        for (int i = 0; i < stratify.size(); i++) {
            if (!STRATA.contains(stratify.get(i))) {
                violations.add(new Problem.Violation("stratifyBy[" + i + "]", "must be DISTRICT or CATEGORY"));
            }
        }
        List<String> checkers = d.checkerUnits() == null ? List.of() : List.copyOf(new LinkedHashSet<>(d.checkerUnits()));
        if (checkers.isEmpty()) {
            violations.add(new Problem.Violation("checkerUnits", "name at least one unit to do the checks"));
        }
        Map<String, String> known = units.names(checkers);
        for (int i = 0; i < checkers.size(); i++) {
            if (!known.containsKey(checkers.get(i))) {
                violations.add(new Problem.Violation("checkerUnits[" + i + "]", "unknown unit " + checkers.get(i)));
            }
        }
        LocalDate due = null;
        if ((d.dueDate() == null) == (d.dueWorkingDays() == null)) {
            violations.add(new Problem.Violation("dueDate", "give either dueDate or dueWorkingDays"));
        } else if (d.dueWorkingDays() != null) {
            due = calendar.addWorkingDays(today, d.dueWorkingDays());
        } else if (d.dueDate().isBefore(today)) {
            violations.add(new Problem.Violation("dueDate", "must not be in the past"));
        } else {
            due = d.dueDate();
        }
        if (d.signedOffFrom() != null && d.signedOffTo() != null && d.signedOffTo().isBefore(d.signedOffFrom())) {
            violations.add(new Problem.Violation("signedOffTo", "must not be before signedOffFrom"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }

        List<Issue> population = population(d.signedOffFrom(), d.signedOffTo());
        List<String> strata = population.stream().map(i -> stratum(i, stratify)).toList();
        int size = LookBackSampling.size(population.size(), d.count(), d.percent());
        if (size == 0) {
            throw new InvalidInputException(d.count() != null ? "count" : "percent",
                    "draws nothing: " + population.size() + " signed-off issues in the population");
        }
        long seed = d.seed() != null ? d.seed() : SEEDS.nextLong();
        List<Integer> drawn = LookBackSampling.draw(strata, size, seed);

        LookBack lb = new LookBack();
        lb.id = UUID.randomUUID();
        lb.title = d.title() == null || d.title().isBlank() ? "回头看抽查 " + today : d.title().strip();
        lb.seed = seed;
        lb.requestedCount = d.count();
        lb.requestedPercent = d.percent();
        lb.sampleSize = size;
        lb.stratifyBy = new ArrayList<>(stratify);
        lb.population = population.stream().map(i -> i.id).collect(Collectors.toCollection(ArrayList::new));
        lb.populationStrata = new ArrayList<>(strata);
        lb.populationSha256 = sha256(lb.population, lb.populationStrata);
        lb.sample = drawn.stream().map(i -> population.get(i).id).collect(Collectors.toCollection(ArrayList::new));
        lb.checkerUnits = new ArrayList<>(checkers);
        lb.dueDate = due;
        lb.signedOffFrom = d.signedOffFrom();
        lb.signedOffTo = d.signedOffTo();
        lb.drawnBy = user.subject();
        lb.drawnByName = user.name();
        lb.drawnAt = clock.now();
        lookBacks.persist(lb);

        int turn = 0;
        for (int index : drawn) {
            Issue issue = population.get(index);
            String checker = null;
            for (int k = 0; k < checkers.size() && checker == null; k++) {
                String candidate = checkers.get((turn + k) % checkers.size());
                if (!candidate.equals(issue.leadUnit)) {
                    checker = candidate;
                    turn = (turn + k + 1) % checkers.size();
                }
            }
            if (checker == null) {
                throw new InvalidInputException("checkerUnits", "every checker unit is the lead unit of " + issue.code
                        + "; a unit may not check its own rectification");
            }
            LookBackCheck c = new LookBackCheck();
            c.id = UUID.randomUUID();
            c.lookBackId = lb.id;
            c.issueId = issue.id;
            c.checkerUnit = checker;
            c.dueDate = due;
            c.status = LookBackOutcome.ASSIGNED;
            checks.persist(c);
            history.action(issue, "LOOK_BACK_SAMPLED", lb.title + "：随机抽中（种子 " + seed + "），由 " + checker + " 于 " + due + " 前核查");
        }
        checks.flush();
        return view(lb);
    }

    /** Signed-off issues in code order, optionally signed off within a period (the population of a draw). */
    private List<Issue> population(LocalDate from, LocalDate to) {
        StringBuilder q = new StringBuilder("status = :status");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("status", IssueStatus.SIGNED_OFF));
        if (from != null) {
            q.append(" and acceptedOn >= :from");
            params.put("from", from);
        }
        if (to != null) {
            q.append(" and acceptedOn <= :to");
            params.put("to", to);
        }
        return issues.list(q.toString(), Sort.ascending("code"), params);
    }

    private static String stratum(Issue issue, List<String> by) {
        List<String> parts = new ArrayList<>();
        for (String s : by) {
            parts.add(s.equals("DISTRICT") ? issue.districts.stream().sorted().collect(Collectors.joining("、"))
                    : issue.category == null ? "" : issue.category.name());
        }
        return String.join("|", parts);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Verification verify(UUID id) {
        LookBack lb = readable(id).lookBack();
        List<Integer> drawn = LookBackSampling.draw(lb.populationStrata, lb.sampleSize, lb.seed);
        List<UUID> redrawn = drawn.stream().map(lb.population::get).toList();
        return new Verification(lb.id, lb.seed, lb.population.size(),
                sha256(lb.population, lb.populationStrata).equals(lb.populationSha256), List.copyOf(lb.sample), redrawn,
                redrawn.equals(lb.sample));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<View> list(PageRequest page) {
        if (!scope.seesEverything()) {
            throw new ForbiddenException("The list of look-backs is the office's; a unit reads the look-backs it checks for");
        }
        return Page.of(lookBacks.findAll(Sort.descending("drawnAt").and("id")), page, this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(UUID id) {
        return readable(id);
    }

    /** The look-back with every check for the office, leaders and the province; a unit only with its own checks, else 404. */
    private View readable(UUID id) {
        LookBack lb = lookBacks.findById(id);
        if (lb == null) {
            throw new ResourceNotFoundException("Look-back", id);
        }
        View all = view(lb);
        if (scope.seesEverything()) {
            return all;
        }
        String unit = user.unit().orElse(null);
        List<LookBackCheck> own = all.checks().stream().filter(c -> c.checkerUnit.equals(unit)).toList();
        if (own.isEmpty()) {
            throw new ResourceNotFoundException("Look-back", id);
        }
        return new View(lb, own, all.codes());
    }

    private View view(LookBack lb) {
        List<LookBackCheck> cs = checks.ofLookBack(lb.id);
        Map<UUID, String> codes = cs.isEmpty() ? Map.of() : issues.list("id in ?1", cs.stream().map(c -> c.issueId).toList())
                .stream().collect(Collectors.toMap(i -> i.id, i -> i.code));
        List<LookBackCheck> inCodeOrder = cs.stream()
                .sorted(java.util.Comparator.comparing((LookBackCheck c) -> codes.getOrDefault(c.issueId, "")).thenComparing(c -> c.id))
                .toList();
        return new View(lb, inCodeOrder, codes);
    }

    /** The checker unit (or the office) records what the check found; a recurrence or a paper rectification reopens the issue. */
    public View record(UUID lookBackId, UUID checkId, RecordLookBackCheck r) {
        View v = readable(lookBackId);
        LookBackCheck c = checks.findByIdOptional(checkId, LockModeType.PESSIMISTIC_WRITE)
                .filter(x -> x.lookBackId.equals(lookBackId) && v.checks().stream().anyMatch(y -> y.id.equals(x.id)))
                .orElseThrow(() -> new ResourceNotFoundException("Look-back check", checkId));
        boolean office = user.hasRole(Roles.OFFICE);
        boolean checker = user.hasRole(Roles.UNIT) && user.unit().filter(c.checkerUnit::equals).isPresent();
        if (!office && !checker) {
            throw new ForbiddenException("Only the checker unit " + c.checkerUnit + " or the office may record this check");
        }
        if (c.status != LookBackOutcome.ASSIGNED) {
            throw new ConflictException("The check was already recorded (" + c.status.label() + ")");
        }
        LocalDate today = clock.today();
        List<Problem.Violation> violations = new ArrayList<>();
        if (r.outcome() == null || r.outcome() == LookBackOutcome.ASSIGNED) {
            violations.add(new Problem.Violation("outcome", "must be CONFIRMED, RECURRED or PAPER_RECTIFICATION"));
        }
        if (r.findings() == null || r.findings().isBlank()) {
            violations.add(new Problem.Violation("findings", "must not be blank"));
        }
        LocalDate checkedOn = r.checkedOn() != null ? r.checkedOn() : today;
        if (checkedOn.isAfter(today)) {
            violations.add(new Problem.Violation("checkedOn", "must not be in the future"));
        }
        if (r.outcome() != null && r.outcome().reopens() && r.deadline() == null && r.deadlineWorkingDays() == null) {
            violations.add(new Problem.Violation("deadline", "a reopened issue needs a new deadline (or deadlineWorkingDays)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Issue issue = issues.findForUpdate(c.issueId).orElseThrow();
        String findings = r.findings().strip();
        if (r.outcome().reopens()) {
            if (issue.status != IssueStatus.SIGNED_OFF) {
                throw new ConflictException(issue.code + " is no longer signed off (" + issue.status.label()
                        + "); record the check as CONFIRMED or after its sign-off");
            }
            IssueAction action = r.outcome() == LookBackOutcome.RECURRED ? IssueAction.LOOK_BACK_RECURRED
                    : IssueAction.LOOK_BACK_PAPER_RECTIFICATION;
            transitions.bySystem(issue, new Transition(action, "回头看（" + r.outcome().label() + "）：" + findings,
                    new Transition.Assignment(null, null, r.deadline(), r.deadlineWorkingDays()),
                    new Transition.Evidence(null, null, null), null, null));
            if (r.outcome() == LookBackOutcome.PAPER_RECTIFICATION) {
                outbox.publish(IssueEvents.TOPIC, IssueEvents.PAPER_RECTIFICATION_FOUND, issue.id.toString(),
                        new IssueEvents.IssuePaperRectificationFound(IssueFacts.of(issue), lookBackId, c.id, c.checkerUnit,
                                checkedOn, findings));
            }
        } else {
            history.action(issue, "LOOK_BACK_CONFIRMED", "回头看核查：" + findings);
        }
        evidence.attach(r.evidenceIds(), Set.of(c.issueId), EvidenceRecord.LOOK_BACK_CHECK, c.id.toString(), true, "evidenceIds");
        c.status = r.outcome();
        c.findings = findings;
        c.checkedOn = checkedOn;
        c.checkedBy = user.name();
        c.recordedAt = clock.now();
        checks.flush();
        return readable(lookBackId);
    }

    /** Coverage, recurrence and paper-rectification rates per lead unit ({@code by = leadUnit}) or district. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Figures> stats(String by) {
        if (!scope.seesEverything()) {
            throw new ForbiddenException("Look-back figures are for the office, leaders and the province");
        }
        List<Object[]> rows = checks.figures(by.equals("district"));
        return rows.stream().map(r -> {
            long signedOff = ((Number) r[1]).longValue();
            long sampled = ((Number) r[2]).longValue();
            long checked = ((Number) r[3]).longValue();
            long recurred = ((Number) r[5]).longValue();
            long paper = ((Number) r[6]).longValue();
            return new Figures((String) r[0], signedOff, sampled, checked, ((Number) r[4]).longValue(), recurred, paper,
                    ratio(sampled, signedOff), ratio(recurred, checked), ratio(paper, checked));
        }).toList();
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
    }

    static String sha256(List<UUID> population, List<String> strata) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < population.size(); i++) {
                md.update((population.get(i) + "\t" + strata.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
