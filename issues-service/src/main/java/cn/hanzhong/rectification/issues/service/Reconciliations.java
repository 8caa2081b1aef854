package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.config.IssuesConfig;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.Reconciliation;
import cn.hanzhong.rectification.issues.domain.ReconciliationItem;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.ReconciliationEvents;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.repository.ReconciliationRepository;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.errors.ServiceUnavailableException;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.tables.Spreadsheets;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    public static final List<String> ID_COLUMNS = List.of("编号", "问题编号", "省级编号", "externalId", "id");
    public static final List<String> STATUS_COLUMNS = List.of("状态", "整改状态", "当前状态", "status");
    public static final List<String> DEADLINE_COLUMNS = List.of("整改时限", "时限", "deadline");

    /** A reconciliation with its items (narrowed to one outcome when asked). */
    public record View(Reconciliation reconciliation, List<ReconciliationItem> items) {
    }

    private final ReconciliationRepository runs;
    private final IssueRepository issues;
    private final Outbox outbox;
    private final CurrentUser user;
    private final ProgrammeClock clock;
    private final IssuesConfig.ReconciliationSettings config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

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
        String host = url.getHost();
        if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || host == null
                || config.allowedHosts().orElse(List.of()).stream().noneMatch(h -> h.equalsIgnoreCase(host))) {
            throw new InvalidInputException("url", "is not an http(s) URL on an allowed host (issues.reconciliation.allowed-hosts)");
        }
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new ServiceUnavailableException("The province's list answered " + r.statusCode());
            }
            String type = r.headers().firstValue("Content-Type").orElse(url.getPath().endsWith(".csv") ? Spreadsheets.CSV : Spreadsheets.XLSX);
            return reconcile(r.body(), type, url.toString());
        } catch (IOException e) {
            throw new ServiceUnavailableException("The province's list could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while fetching the province's list");
        }
    }

    /** Reconciles the ledger with the province's list in {@code file} (CSV or XLSX); the run and its items are kept. */
    @Transactional
    public View reconcile(byte[] file, String contentType, String source) {
        SheetRows sheet = SheetRows.read(file, contentType, Reconciliations::isHeader, "编号 and 状态 or 整改时限");
        Map<String, Issue> known = new HashMap<>();
        for (Issue i : issues.list("externalId is not null")) {
            known.put(i.externalId, i);
        }
        Reconciliation run = new Reconciliation();
        run.id = java.util.UUID.randomUUID();
        run.source = source == null || source.isBlank() ? "file" : source.length() > 500 ? source.substring(0, 500) : source;
        run.startedBy = user.isAnonymous() ? "system" : user.name();
        run.startedAt = clock.now();
        List<ReconciliationItem> items = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            Map<String, String> row = sheet.rows().get(r);
            int number = sheet.numbers().get(r);
            ReconciliationItem item = new ReconciliationItem();
            item.reconciliationId = run.id;
            item.rowNumber = number;
            String id = cell(row, ID_COLUMNS);
            item.externalId = id == null ? "(row " + number + ")" : id;
            String status = cell(row, STATUS_COLUMNS);
            String deadline = cell(row, DEADLINE_COLUMNS);
            item.thereStatus = status;
            List<String> problems = new ArrayList<>();
            IssueStatus thereStatus = status == null ? null : status(status);
            if (status != null && thereStatus == null) {
                problems.add("状态 " + status + " is not a status of the ledger");
            }
            LocalDate thereDeadline = null;
            if (deadline != null) {
                thereDeadline = SheetRows.date(deadline);
                if (thereDeadline == null) {
                    problems.add("整改时限 " + deadline + " is not a date");
                }
            }
            item.thereDeadline = thereDeadline;
            if (id == null) {
                problems.add("编号 is empty");
            } else if (seen.putIfAbsent(id, number) != null) {
                problems.add("编号 " + id + " is also on row " + seen.get(id));
            }
            Issue here = id == null ? null : known.get(id);
            if (here != null) {
                item.issueId = here.id;
                item.issueCode = here.code;
                item.hereStatus = here.status.name();
                item.hereDeadline = here.deadline;
            }
            if (!problems.isEmpty()) {
                item.outcome = "INVALID";
                item.note = String.join("; ", problems);
                run.invalid++;
            } else if (here == null) {
                item.outcome = "ONLY_THERE";
                run.onlyThere++;
            } else {
                if (thereStatus != null && thereStatus != here.status) {
                    item.differences.add("status");
                }
                if (deadline != null && !Objects.equals(thereDeadline, here.deadline)) {
                    item.differences.add("deadline");
                }
                item.outcome = item.differences.isEmpty() ? "MATCHED" : "DIFFERENT";
                if (item.differences.isEmpty()) {
                    run.matched++;
                } else {
                    run.different++;
                }
            }
            items.add(item);
        }
        known.values().stream().filter(i -> !seen.containsKey(i.externalId))
                .sorted(java.util.Comparator.comparing((Issue i) -> i.externalId)).forEach(i -> {
                    ReconciliationItem item = new ReconciliationItem();
                    item.reconciliationId = run.id;
                    item.externalId = i.externalId;
                    item.issueId = i.id;
                    item.issueCode = i.code;
                    item.hereStatus = i.status.name();
                    item.hereDeadline = i.deadline;
                    item.outcome = "ONLY_HERE";
                    run.onlyHere++;
                    items.add(item);
                });
        runs.persist(run);
        items.forEach(runs.getEntityManager()::persist);
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
    public View get(java.util.UUID id, String outcome) {
        Reconciliation run = runs.findById(id);
        if (run == null) {
            throw new ResourceNotFoundException("Reconciliation", id);
        }
        if (outcome != null && !List.of("MATCHED", "DIFFERENT", "ONLY_HERE", "ONLY_THERE", "INVALID").contains(outcome)) {
            throw new InvalidInputException("outcome", "must be MATCHED, DIFFERENT, ONLY_HERE, ONLY_THERE or INVALID");
        }
        return new View(run, runs.items(id, outcome));
    }

    private static boolean isHeader(List<String> cells) {
        List<String> names = cells.stream().map(String::strip).toList();
        return names.stream().anyMatch(ID_COLUMNS::contains)
                && (names.stream().anyMatch(STATUS_COLUMNS::contains) || names.stream().anyMatch(DEADLINE_COLUMNS::contains));
    }

    private static String cell(Map<String, String> row, List<String> names) {
        for (String n : names) {
            String v = row.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** A status as the ledger's code or its Chinese label. */
    static IssueStatus status(String given) {
        String g = given.strip();
        return Arrays.stream(IssueStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(g.toUpperCase(Locale.ROOT)) || s.label().equals(g))
                .findFirst().orElse(null);
    }

}
