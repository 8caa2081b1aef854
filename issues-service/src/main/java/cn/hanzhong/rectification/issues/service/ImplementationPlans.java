package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.config.IssuesConfig;
import cn.hanzhong.rectification.issues.domain.ImplementationPlan;
import cn.hanzhong.rectification.issues.domain.PlanStatus;
import cn.hanzhong.rectification.issues.domain.PlanSubmission;
import cn.hanzhong.rectification.issues.domain.UnitKind;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.PlanEvents;
import cn.hanzhong.rectification.issues.repository.ImplementationPlanRepository;
import cn.hanzhong.rectification.issues.repository.UnitRepository;
import cn.hanzhong.rectification.issues.service.command.SubmitPlan;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.security.UnitScope;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The registry of unit implementation plans (整改实施方案): every county-district, management committee
 * and city department owes one by the programme's due date; it submits its plan (a file, title,
 * document number and the public URL where it published it), the office accepts or returns it, and
 * accepted plans are listed publicly. Who owes one is a list for the office; reminders before the due
 * date and a notice after it go out through notification-service from this registry's events.
 */
@ApplicationScoped
@Transactional
public class ImplementationPlans {

    private static final Logger LOG = Logger.getLogger(ImplementationPlans.class);

    /** A plan with its unit's name and every submission, newest last. */
    public record View(ImplementationPlan plan, String unitName, List<PlanSubmission> submissions) {

        public PlanSubmission latest() {
            return submissions.isEmpty() ? null : submissions.get(submissions.size() - 1);
        }
    }

    /** A plan's current file, for a download. */
    public record Download(PlanSubmission submission, InputStream content) {
    }

    public enum Decision { ACCEPT, RETURN }

    private final ImplementationPlanRepository plans;
    private final UnitRepository units;
    private final UnitService unitService;
    private final EvidenceService files;
    private final Outbox outbox;
    private final UnitScope scope;
    private final CurrentUser user;
    private final ProgrammeClock clock;
    private final IssuesConfig config;

    public ImplementationPlans(ImplementationPlanRepository plans, UnitRepository units, UnitService unitService,
                               EvidenceService files, Outbox outbox,
                               UnitScope scope, CurrentUser user, ProgrammeClock clock, IssuesConfig config) {
        this.plans = plans;
        this.units = units;
        this.unitService = unitService;
        this.files = files;
        this.outbox = outbox;
        this.scope = scope;
        this.user = user;
        this.clock = clock;
        this.config = config;
    }

    private String programme() {
        return config.programmeName();
    }

    @Scheduled(cron = "{issues.plans.cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "implementation-plans-daily")
    @Scheduled(every = "{issues.plans.startup-every:24h}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "implementation-plans-startup")
    void scheduled() {
        int added = requireAll();
        int overdue = announceOverdue(clock.today());
        if (added + overdue > 0) {
            LOG.infof("Implementation plans: %d units now owe a plan, %d overdue announced", added, overdue);
        }
    }

    /** Adds every active unit of the configured kinds that has no plan row yet, announcing each once; returns how many. */
    @ActivateRequestContext
    public int requireAll() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<UnitKind> kinds = config.plans().unitKinds().stream().map(UnitKind::valueOf).collect(Collectors.toSet());
            List<String> owing = units.list("active = true and kind in ?1", kinds).stream().map(u -> u.code).sorted().toList();
            List<UUID> added = plans.addRequired(programme(), owing, config.plans().dueDate(), clock.now());
            for (UUID id : added) {
                publish(PlanEvents.REQUIRED, plans.findById(id), null);
            }
            return added.size();
        });
    }

    /** Announces, once per plan, that a unit let the due date pass without a plan (or with a returned one). */
    @ActivateRequestContext
    public int announceOverdue(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ImplementationPlan> due = plans.lockNewlyOverdue(programme(), today);
            for (ImplementationPlan p : due) {
                p.overdueNotified = true;
                publish(PlanEvents.OVERDUE, p, latest(p));
            }
            return due.size();
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<View> list(PlanStatus status, boolean owedOnly) {
        var unit = scope.restrictedToUnit();
        List<ImplementationPlan> found = plans.list("programme", plans.byUnit(), programme()).stream()
                .filter(p -> unit.isEmpty() || unit.get().equals(p.unit))
                .filter(p -> status == null || p.status == status)
                .filter(p -> !owedOnly || p.status.owed())
                .toList();
        Map<String, String> names = names(found.stream().map(p -> p.unit).toList());
        return found.stream().map(p -> new View(p, names.get(p.unit), plans.submissions(p.id))).toList();
    }

    /** The accepted plans, for the public (信息公开). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<View> published() {
        List<ImplementationPlan> found = plans.list("programme = ?1 and status = ?2", plans.byUnit(), programme(), PlanStatus.ACCEPTED);
        Map<String, String> names = names(found.stream().map(p -> p.unit).toList());
        return found.stream().map(p -> new View(p, names.get(p.unit), plans.submissions(p.id).stream()
                .filter(s -> "ACCEPT".equals(s.decision)).toList())).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(String unit) {
        ImplementationPlan p = readable(unit);
        return new View(p, names(List.of(p.unit)).get(p.unit), plans.submissions(p.id));
    }

    private ImplementationPlan readable(String unit) {
        ImplementationPlan p = plans.of(programme(), unit, false).orElse(null);
        return scope.readable(p, p == null ? Set.of() : Set.of(p.unit), "Implementation plan", unit);
    }

    /** The unit (or the office for it) submits its plan; a plan already submitted or accepted is 409. */
    public View submit(String unit, SubmitPlan s) {
        ImplementationPlan p = plans.of(programme(), unit, true).orElse(null);
        p = scope.readable(p, p == null ? Set.of() : Set.of(p.unit), "Implementation plan", unit);
        boolean own = user.hasRole(Roles.UNIT) && user.unit().filter(unit::equals).isPresent();
        if (!own && !user.hasRole(Roles.OFFICE)) {
            throw new ForbiddenException("Only the unit " + unit + " (or the office for it) submits its plan");
        }
        if (!p.status.owed()) {
            throw new ConflictException("The plan of " + unit + " is " + p.status.label() + "; only a returned plan is submitted again");
        }
        if (s.title() == null || s.title().isBlank()) {
            throw new InvalidInputException("title", "must not be blank");
        }
        if (s.title().length() > 300) {
            throw new InvalidInputException("title", "may be at most 300 characters");
        }
        if (s.documentNumber() != null && s.documentNumber().length() > 100) {
            throw new InvalidInputException("documentNumber", "may be at most 100 characters");
        }
        String url = publicUrl(s.publicUrl());
        EvidenceService.StoredFile f = files.storeChecked(s.file(), s.fileName());
        PlanSubmission sub = new PlanSubmission();
        sub.id = UUID.randomUUID();
        sub.planId = p.id;
        sub.seq = p.submissions + 1;
        sub.title = s.title().strip();
        sub.documentNumber = s.documentNumber() == null || s.documentNumber().isBlank() ? null : s.documentNumber().strip();
        sub.publicUrl = url;
        sub.fileSha256 = f.sha256();
        sub.fileName = f.name();
        sub.fileMediaType = f.mediaType();
        sub.fileSize = f.size();
        sub.submittedOn = clock.today();
        sub.submittedBy = user.name();
        sub.submittedAt = clock.now();
        plans.getEntityManager().persist(sub);
        p.submissions = sub.seq;
        p.status = PlanStatus.SUBMITTED;
        p.updatedAt = clock.now();
        publish(PlanEvents.SUBMITTED, p, sub);
        plans.flush();
        return get(unit);
    }

    /** The office accepts the latest submission (it is then listed publicly) or returns it with reasons. */
    public View decide(String unit, Decision decision, String reason) {
        scope.requireOffice();
        ImplementationPlan p = plans.of(programme(), unit, true).orElseThrow(() -> new ResourceNotFoundException("Implementation plan", unit));
        if (p.status != PlanStatus.SUBMITTED) {
            throw new ConflictException("The plan of " + unit + " is " + p.status.label() + "; only a submitted plan is decided");
        }
        if (decision == Decision.RETURN && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "must say why the plan is returned");
        }
        PlanSubmission latest = latest(p);
        latest.decision = decision.name();
        latest.decisionReason = reason == null || reason.isBlank() ? null : reason.strip();
        latest.decidedBy = user.name();
        latest.decidedAt = clock.now();
        p.status = decision == Decision.ACCEPT ? PlanStatus.ACCEPTED : PlanStatus.RETURNED;
        p.updatedAt = clock.now();
        publish(decision == Decision.ACCEPT ? PlanEvents.ACCEPTED : PlanEvents.RETURNED, p, latest);
        plans.flush();
        return get(unit);
    }

    /** The latest file of a plan the caller may read; {@code published} for the public: only an accepted plan's accepted file. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download file(String unit, boolean published) {
        PlanSubmission s;
        if (published) {
            ImplementationPlan p = plans.of(programme(), unit, false).filter(x -> x.status == PlanStatus.ACCEPTED)
                    .orElseThrow(() -> new ResourceNotFoundException("Implementation plan", unit));
            s = plans.submissions(p.id).stream().filter(x -> "ACCEPT".equals(x.decision)).max(Comparator.comparingInt(x -> x.seq))
                    .orElseThrow(() -> new ResourceNotFoundException("Implementation plan", unit));
        } else {
            s = latest(readable(unit));
            if (s == null) {
                throw new ResourceNotFoundException("Implementation plan file", unit);
            }
        }
        return new Download(s, files.openStored(s.fileSha256));
    }

    private PlanSubmission latest(ImplementationPlan p) {
        List<PlanSubmission> all = plans.submissions(p.id);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private Map<String, String> names(List<String> codes) {
        return unitService.names(codes);
    }

    private static String publicUrl(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(given.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null || given.length() > 500) {
                throw new InvalidInputException("publicUrl", "must be the http(s) address where the unit published the plan");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException("publicUrl", "is not a URL");
        }
    }

    private void publish(String type, ImplementationPlan p, PlanSubmission latest) {
        outbox.publish(IssueEvents.TOPIC, type, p.id.toString(), PlanEvents.PlanFacts.of(p,
                latest == null ? null : latest.title, latest == null ? null : latest.documentNumber));
    }
}
