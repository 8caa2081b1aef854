package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.LedgerSnapshot;
import cn.hanzhong.rectification.issues.domain.WarningLight;
import cn.hanzhong.rectification.issues.repository.IssueFilter;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.repository.LedgerSnapshotRepository;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Monthly snapshots of the ledger (按月调度、定期通报): frozen once per month — by the schedule just after
 * the month ends, or earlier on demand by the office — immutable, each content including the hash of
 * the snapshot before it, so that rewriting the past breaks the chain ({@link #verify()}).
 */
@ApplicationScoped
public class LedgerSnapshots {

    private static final Logger LOG = Logger.getLogger(LedgerSnapshots.class);
    private static final String ORDER = " order by i.code, i.id";
    private static final String SCHEDULE = "schedule";

    /** One issue as the snapshot froze it. */
    @Schema(name = "SnapshotItem")
    public record Item(String code, UUID id, IssueStatus status, int progressPercent, LocalDate deadline,
                       WarningLight warningLight, String leadUnit) {
    }

    @Schema(name = "SnapshotTotals")
    public record Totals(int issues, Map<IssueStatus, Integer> byStatus, Map<WarningLight, Integer> byLight) {
    }

    /** What is hashed: the month, when, the previous hash, the totals, the units that reported, every issue. */
    @Schema(name = "SnapshotContent")
    public record Content(String period, OffsetDateTime takenAt, String previousSha256, Totals totals,
                          @Schema(description = "Units that filed a progress report for the month") List<String> reportingUnits,
                          List<Item> items) {
    }

    @Schema(name = "SnapshotSummary")
    public record Summary(String period, OffsetDateTime takenAt, String takenBy, int issueCount, String sha256,
                          String previousSha256) {
        static Summary of(LedgerSnapshot s) {
            return new Summary(s.period, s.takenAt, s.takenBy, s.issueCount, s.sha256, s.previousSha256);
        }
    }

    public record Taken(Summary snapshot, boolean created) {
    }

    @Schema(name = "SnapshotChange")
    public record Change(String code, UUID id, String leadUnit) {
    }

    @Schema(name = "SnapshotMove")
    public record Move(String code, UUID id, String from, String to) {
    }

    /** What changed from {@code against} to {@code period}. */
    @Schema(name = "SnapshotDiff")
    public record Diff(String period, String against, List<Change> registered, List<Change> signedOff,
                       List<Change> newlyOverdue, List<Change> reopened, List<Move> changedLight, List<Move> progressMoved,
                       @Schema(description = "Lead units of open issues in the later month that filed no progress report for it")
                       List<String> unitsNotReporting) {
    }

    @Schema(name = "SnapshotChainCheck")
    public record ChainCheck(boolean intact, int snapshots, String brokenAt, String reason) {
    }

    /** Canonical JSON: record components in declaration order, map keys sorted, dates as ISO text. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final LedgerSnapshotRepository snapshots;
    private final IssueRepository issues;
    private final IssueViews views;
    private final CurrentUser user;
    private final ProgrammeClock clock;

    public LedgerSnapshots(LedgerSnapshotRepository snapshots, IssueRepository issues, IssueViews views, CurrentUser user,
                           ProgrammeClock clock) {
        this.snapshots = snapshots;
        this.issues = issues;
        this.views = views;
        this.user = user;
        this.clock = clock;
    }

    /** Just after a month ends (and every day after, should the service have been down): last month's snapshot. */
    @Scheduled(cron = "{issues.snapshot-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "ledger-snapshot")
    void monthEnd() {
        YearMonth last = YearMonth.from(clock.today()).minusMonths(1);
        boolean due = QuarkusTransaction.requiringNew().call(() -> snapshots.findByIdOptional(last.toString()).isEmpty()
                && snapshots.latest().map(s -> YearMonth.parse(s.period).isBefore(last)).orElse(true));
        if (due) {
            Taken t = QuarkusTransaction.requiringNew().call(() -> take(last, SCHEDULE));
            if (t.created()) {
                LOG.infof("Ledger snapshot %s taken: %d issues, sha256 %s", last, t.snapshot().issueCount(), t.snapshot().sha256());
            }
        }
    }

    /**
     * The snapshot of {@code period} (default: this month) as of now, or the one already taken: a month has one
     * snapshot, whoever asks how often. Months are taken in order, this month or the last.
     */
    @Transactional
    public Taken takeOnDemand(String period) {
        YearMonth month = period == null || period.isBlank() ? YearMonth.from(clock.today()) : month("period", period);
        YearMonth now = YearMonth.from(clock.today());
        if (month.isAfter(now) || month.isBefore(now.minusMonths(1))) {
            throw new InvalidInputException("period", "may be this month (" + now + ") or the last (" + now.minusMonths(1) + ")");
        }
        return take(month, user.subject());
    }

    private Taken take(YearMonth month, String by) {
        snapshots.lockTaking();
        LedgerSnapshot existing = snapshots.findById(month.toString());
        if (existing != null) {
            return new Taken(Summary.of(existing), false);
        }
        LedgerSnapshot previous = snapshots.latest().orElse(null);
        if (previous != null && !YearMonth.parse(previous.period).isBefore(month)) {
            throw new InvalidInputException("period", "snapshots are taken in order; the latest is " + previous.period);
        }
        LocalDate today = clock.today();
        LocalDate blueLimit = views.blueLimit(today);
        List<Item> items = new ArrayList<>();
        Map<IssueStatus, Integer> byStatus = new EnumMap<>(IssueStatus.class);
        Map<WarningLight, Integer> byLight = new EnumMap<>(WarningLight.class);
        issues.scroll(IssueFilter.builder().build(), ORDER, today, blueLimit, issue -> {
            WarningLight light = views.light(issue, today, blueLimit);
            items.add(new Item(issue.code, issue.id, issue.status, issue.progressPercent, issue.deadline, light, issue.leadUnit));
            byStatus.merge(issue.status, 1, Integer::sum);
            byLight.merge(light, 1, Integer::sum);
        });
        OffsetDateTime at = clock.now();
        Content content = new Content(month.toString(), at, previous == null ? null : previous.sha256,
                new Totals(items.size(), byStatus, byLight), snapshots.reportingUnits(month.toString()), items);
        LedgerSnapshot s = new LedgerSnapshot();
        s.period = month.toString();
        s.takenAt = at;
        s.takenBy = by;
        s.issueCount = items.size();
        s.content = canonical(content);
        s.sha256 = sha256(s.content);
        s.previousSha256 = content.previousSha256();
        snapshots.persist(s);
        snapshots.flush();
        return new Taken(Summary.of(s), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Summary> list(PageRequest page) {
        return Page.of(snapshots.findAll(page.panacheSort()), page, Summary::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Content get(String period) {
        return content(find(period));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Diff diff(String period, String against) {
        if (against == null || against.isBlank()) {
            throw new InvalidInputException("against", "is required: the month to compare with (YYYY-MM)");
        }
        Content later = content(find(period));
        Content earlier = content(find(month("against", against).toString()));
        Map<String, Item> before = earlier.items().stream().collect(Collectors.toMap(Item::code, Function.identity(), (a, b) -> a));
        List<Change> registered = new ArrayList<>();
        List<Change> signedOff = new ArrayList<>();
        List<Change> newlyOverdue = new ArrayList<>();
        List<Change> reopened = new ArrayList<>();
        List<Move> lights = new ArrayList<>();
        List<Move> progress = new ArrayList<>();
        Set<String> openLeads = new TreeSet<>();
        for (Item now : later.items()) {
            Item then = before.get(now.code());
            Change change = new Change(now.code(), now.id(), now.leadUnit());
            if (now.status().isOpen() && now.leadUnit() != null) {
                openLeads.add(now.leadUnit());
            }
            if (then == null) {
                registered.add(change);
                continue;
            }
            if (now.status() == IssueStatus.SIGNED_OFF && then.status() != IssueStatus.SIGNED_OFF) {
                signedOff.add(change);
            }
            if (now.status().isOpen() && then.status() == IssueStatus.SIGNED_OFF) {
                reopened.add(change);
            }
            if (now.warningLight() == WarningLight.RED && then.warningLight() != WarningLight.RED) {
                newlyOverdue.add(change);
            }
            if (now.warningLight() != then.warningLight()) {
                lights.add(new Move(now.code(), now.id(), then.warningLight().name(), now.warningLight().name()));
            }
            if (now.progressPercent() != then.progressPercent()) {
                progress.add(new Move(now.code(), now.id(), Integer.toString(then.progressPercent()),
                        Integer.toString(now.progressPercent())));
            }
        }
        openLeads.removeAll(later.reportingUnits());
        return new Diff(later.period(), earlier.period(), registered, signedOff, newlyOverdue, reopened, lights, progress,
                List.copyOf(openLeads));
    }

    /** Recomputes every snapshot's hash and follows the chain from the first: where it breaks, and why. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChainCheck verify() {
        List<LedgerSnapshot> chain = snapshots.chain();
        String previous = null;
        for (LedgerSnapshot s : chain) {
            if (!sha256(s.content).equals(s.sha256)) {
                return new ChainCheck(false, chain.size(), s.period, "its content does not hash to its stored SHA-256");
            }
            Content c = content(s);
            if (!Objects.equals(c.previousSha256(), previous) || !Objects.equals(s.previousSha256, previous)) {
                return new ChainCheck(false, chain.size(), s.period, "it does not name the hash of the snapshot before it");
            }
            previous = s.sha256;
        }
        return new ChainCheck(true, chain.size(), null, null);
    }

    private LedgerSnapshot find(String period) {
        LedgerSnapshot s = snapshots.findById(month("period", period).toString());
        if (s == null) {
            throw new ResourceNotFoundException("Ledger snapshot", period);
        }
        return s;
    }

    /** A month the operation needs (YYYY-MM). */
    private static YearMonth month(String field, String value) {
        YearMonth month = QueryParams.month(field, value);
        if (month == null) {
            throw new InvalidInputException(field, "must be a month as YYYY-MM");
        }
        return month;
    }

    private static Content content(LedgerSnapshot s) {
        try {
            return CANONICAL.readValue(s.content, Content.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Snapshot " + s.period + " has unreadable content", e);
        }
    }

    private static String canonical(Content c) {
        try {
            return CANONICAL.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The diff as rows for a sheet: 变化, 问题编号, 从, 到. */
    public static List<Object[]> rows(Diff d) {
        List<Object[]> rows = new ArrayList<>();
        Map<String, List<Change>> changes = new LinkedHashMap<>();
        changes.put("新登记", d.registered());
        changes.put("本月销号", d.signedOff());
        changes.put("新增逾期", d.newlyOverdue());
        changes.put("销号后重新打开", d.reopened());
        changes.forEach((kind, list) -> list.forEach(c -> rows.add(new Object[] {kind, c.code(), "", "", c.leadUnit()})));
        d.changedLight().forEach(m -> rows.add(new Object[] {"预警变化", m.code(), WarningLight.valueOf(m.from()).label(),
                WarningLight.valueOf(m.to()).label(), ""}));
        d.progressMoved().forEach(m -> rows.add(new Object[] {"进度变化", m.code(), Integer.valueOf(m.from()), Integer.valueOf(m.to()), ""}));
        d.unitsNotReporting().forEach(u -> rows.add(new Object[] {"未报送进展", "", "", "", u}));
        return rows;
    }
}
