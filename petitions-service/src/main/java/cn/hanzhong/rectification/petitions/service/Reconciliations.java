package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.config.PetitionsConfig;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.petitions.domain.Reconciliation;
import cn.hanzhong.rectification.petitions.domain.ReconciliationItem;
import cn.hanzhong.rectification.petitions.event.PetitionEvents;
import cn.hanzhong.rectification.petitions.repository.ReconciliationRepository;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reconciliation with the provincial supervision system by 受理编号: the province's list of the cases it
 * forwarded (CSV or XLSX with 受理编号, 办理状态 and 办理时限) against every petition here. Each run is kept;
 * {@code petition.reconciliation-completed} tells the office when anything differs.
 */
@ApplicationScoped
public class Reconciliations {

    private static final Logger LOG = Logger.getLogger(Reconciliations.class);

    /** The province's columns: its case number (ours), the status and the deadline. */
    public static final Reconciler.Columns COLUMNS = new Reconciler.Columns(List.of("受理编号", "编号", "信访件编号", "caseNumber"),
            List.of("办理状态", "状态", "当前状态", "status"), List.of("办理时限", "办结时限", "时限", "deadline"));

    /** A reconciliation with its items (narrowed to one outcome when asked). */
    public record View(Reconciliation reconciliation, List<ReconciliationItem> items) {
    }

    private final ReconciliationRepository runs;
    private final Outbox outbox;
    private final CurrentUser user;
    private final ProgrammeClock clock;
    private final PetitionsConfig.ReconciliationSettings config;

    public Reconciliations(ReconciliationRepository runs, Outbox outbox, CurrentUser user, ProgrammeClock clock, PetitionsConfig config) {
        this.runs = runs;
        this.outbox = outbox;
        this.user = user;
        this.clock = clock;
        this.config = config.reconciliation();
    }

    @Scheduled(cron = "{petitions.reconciliation.cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "petition-reconciliation-nightly")
    void nightly() {
        config.url().ifPresent(url -> {
            try {
                Reconciliation r = fromUrl(url).reconciliation();
                LOG.infof("Reconciliation with %s: %d matched, %d different, %d only here, %d only there, %d invalid", url,
                        r.matched, r.different, r.onlyHere, r.onlyThere, r.invalid);
            } catch (RuntimeException e) {
                LOG.errorf("The nightly reconciliation with %s failed: %s", url, e.getMessage());
            }
        });
    }

    /** Fetches the province's list from an allow-listed http(s) URL and reconciles with it. */
    @ActivateRequestContext
    public View fromUrl(URI url) {
        ProvinceList.Fetched list = ProvinceList.fetch(url, config.allowedHosts().orElse(List.of()), "petitions.reconciliation.allowed-hosts");
        return reconcile(list.body(), list.contentType(), url.toString());
    }

    /** Reconciles the petitions with the province's list in {@code file} (CSV or XLSX); the run and its items are kept. */
    @Transactional
    public View reconcile(byte[] file, String contentType, String source) {
        SheetRows sheet = SheetRows.read(file, contentType, COLUMNS::isHeader, COLUMNS.headerHint());
        List<Reconciler.Known> known = runs.caseFacts().stream().map(row -> new Reconciler.Known((String) row[0], (UUID) row[1],
                (String) row[0], ((PetitionStatus) row[2]).name(), (LocalDate) row[3])).toList();
        Reconciler.Result result = Reconciler.compare(sheet, COLUMNS, known, given -> {
            PetitionStatus s = status(given);
            return s == null ? null : s.name();
        });
        Reconciliation run = new Reconciliation();
        run.start(source, user.isAnonymous() ? "system" : user.name(), clock.now(), result);
        runs.persist(run);
        result.lines().forEach(line -> runs.getEntityManager().persist(ReconciliationItem.of(run.id, line)));
        outbox.publish(PetitionEvents.TOPIC, PetitionEvents.RECONCILIATION_COMPLETED, run.id.toString(),
                new PetitionEvents.ReconciliationCompleted(run.id, run.source, run.matched, run.different, run.onlyHere, run.onlyThere,
                        run.invalid, run.anythingDiffers()));
        runs.flush();
        return new View(run, runs.items(run.id, null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Reconciliation> list(PageRequest page) {
        return Page.of(runs.findAll(Sort.descending("startedAt").and("id")), page, Function.identity());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    /** One run with its items, narrowed to {@code outcome} (a code of {@link Reconciler.Outcome}) when given. */
    public View get(UUID id, String outcome) {
        Reconciliation run = runs.findById(id);
        if (run == null) {
            throw new ResourceNotFoundException("Reconciliation", id);
        }
        return new View(run, runs.items(id, outcome));
    }

    /** A status as our code or its Chinese label (已办结, 调查处理中 …). */
    static PetitionStatus status(String given) {
        String g = given.strip();
        return Arrays.stream(PetitionStatus.values())
                .filter(s -> s.name().equals(g.toUpperCase(Locale.ROOT)) || s.label().equals(g)).findFirst().orElse(null);
    }
}
