package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.config.IssuesConfig;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.Reconciliation;
import cn.hanzhong.rectification.issues.domain.ReconciliationItem;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.ReconciliationEvents;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.repository.ReconciliationRepository;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.reconciliation.ProvinceList;
import cn.hanzhong.rectification.platform.reconciliation.Reconciler;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.tables.SheetRows;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reconciliation with the provincial supervision system: the province's list of its issues (a CSV or
 * XLSX with columns 编号 — its id, our {@code externalId} —, 状态 and 整改时限) against every ledger issue the
 * province knows, item by item: MATCHED, DIFFERENT (status or deadline), ONLY_HERE, ONLY_THERE, and INVALID
 * rows. Each run is kept; {@code reconciliation.completed} tells the office when anything differs.
 */
@ApplicationScoped
public class Reconciliations {

    private static final Logger LOG = Logger.getLogger(Reconciliations.class);
    /** The province's columns: its id (our externalId), the status and the deadline. */
    public static final Reconciler.Columns COLUMNS = new Reconciler.Columns(List.of("编号", "问题编号", "省级编号", "externalId", "id"),
            List.of("状态", "整改状态", "当前状态", "status"), List.of("整改时限", "时限", "deadline"));

    /** A reconciliation with its items (narrowed to one outcome when asked). */
    public record View(Reconciliation reconciliation, List<ReconciliationItem> items) {
    }

    private final ReconciliationRepository runs;
    private final IssueRepository issues;
    private final Outbox outbox;
    private final CurrentUser user;
    private final ProgrammeClock clock;
    private final IssuesConfig.ReconciliationSettings config;

    public Reconciliations(ReconciliationRepository runs, IssueRepository issues, Outbox outbox, CurrentUser user,
                           ProgrammeClock clock, IssuesConfig config) {
        this.runs = runs;
        this.issues = issues;
        this.outbox = outbox;
        this.user = user;
        this.clock = clock;
        this.config = config.reconciliation();
    }

    @Scheduled(cron = "{issues.reconciliation.cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "reconciliation-nightly")
    void nightly() {
        config.url().ifPresent(url -> {
            try {
                View v = fromUrl(url);
                LOG.infof("Reconciliation with %s: %d matched, %d different, %d only here, %d only there", url,
                        v.reconciliation().matched, v.reconciliation().different, v.reconciliation().onlyHere, v.reconciliation().onlyThere);
            } catch (RuntimeException e) {
                LOG.errorf("The nightly reconciliation with %s failed: %s", url, e.getMessage());
            }
        });
    }

    /** Fetches the province's list from an allow-listed http(s) URL and reconciles with it. */
    @ActivateRequestContext
    public View fromUrl(URI url) {
        ProvinceList.Fetched list = ProvinceList.fetch(url, config.allowedHosts().orElse(List.of()), "issues.reconciliation.allowed-hosts");
        return reconcile(list.body(), list.contentType(), url.toString());
    }

    /** Reconciles the ledger with the province's list in {@code file} (CSV or XLSX); the run and its items are kept. */
    @Transactional
    public View reconcile(byte[] file, String contentType, String source) {
        SheetRows sheet = SheetRows.read(file, contentType, COLUMNS::isHeader, COLUMNS.headerHint());
        List<Reconciler.Known> known = issues.list("externalId is not null").stream()
                .map(i -> new Reconciler.Known(i.externalId, i.id, i.code, i.status.name(), i.deadline)).toList();
        Reconciler.Result result = Reconciler.compare(sheet, COLUMNS, known, given -> {
            IssueStatus s = status(given);
            return s == null ? null : s.name();
        });
        Reconciliation run = new Reconciliation();
        run.start(source, user.isAnonymous() ? "system" : user.name(), clock.now(), result);
        runs.persist(run);
        result.lines().forEach(line -> runs.getEntityManager().persist(ReconciliationItem.of(run.id, line)));
        outbox.publish(IssueEvents.TOPIC, ReconciliationEvents.COMPLETED, run.id.toString(), new ReconciliationEvents.Completed(
                run.id, run.source, run.matched, run.different, run.onlyHere, run.onlyThere, run.invalid, run.anythingDiffers()));
        runs.flush();
        return new View(run, runs.items(run.id, null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Reconciliation> list(PageRequest page) {
        return Page.of(runs.findAll(Sort.descending("startedAt").and("id")), page, Function.identity());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    /** One run with its items, narrowed to {@code outcome} (a code of {@link Reconciler.Outcome}) when given. */
    public View get(java.util.UUID id, String outcome) {
        Reconciliation run = runs.findById(id);
        if (run == null) {
            throw new ResourceNotFoundException("Reconciliation", id);
        }
        return new View(run, runs.items(id, outcome));
    }

    /** A status as the ledger's code or its Chinese label. */
    static IssueStatus status(String given) {
        String g = given.strip();
        return Arrays.stream(IssueStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(g.toUpperCase(Locale.ROOT)) || s.label().equals(g))
                .findFirst().orElse(null);
    }

}
