package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.DeadlineRule;
import cn.hanzhong.rectification.issues.domain.HistoryEntry;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.IssueFacts;
import cn.hanzhong.rectification.issues.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.service.command.IssueContent;
import cn.hanzhong.rectification.issues.service.command.RegisterIssue;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static cn.hanzhong.rectification.issues.service.ContentChanges.copy;
import static cn.hanzhong.rectification.issues.service.ContentChanges.withoutLead;

/**
 * Registration of ledger items. With an {@code externalId} already known it is the provincial
 * system's upsert: the same content changes nothing, different content updates what differs.
 */
@ApplicationScoped
@Transactional
public class IssueRegistration {

    /** The outcome: the issue, and whether this call created or changed it. */
    public record Registration(IssueView view, boolean created, boolean changed) {
    }

    private static final String PROVINCIAL_UPDATE = "update from the provincial system";

    private final IssueRepository issues;
    private final UnitService units;
    private final ContentChanges changes;
    private final History history;
    private final IssueViews views;
    private final Outbox outbox;
    private final ProgrammeClock clock;
    private final Deadlines deadlines;
    private final HistoryEntryRepository historyLines;

    public IssueRegistration(IssueRepository issues, UnitService units, ContentChanges changes, History history,
                             IssueViews views, Outbox outbox, ProgrammeClock clock, Deadlines deadlines,
                             HistoryEntryRepository historyLines) {
        this.deadlines = deadlines;
        this.historyLines = historyLines;
        this.issues = issues;
        this.units = units;
        this.changes = changes;
        this.history = history;
        this.views = views;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Registration register(RegisterIssue r) {
        Optional<Issue> known = r.externalId() == null ? Optional.empty() : issues.findByExternalId(r.externalId());
        if (known.isPresent()) {
            units.validate(r.leadUnit(), r.cooperatingUnits(), r.content().districts());
            return update(known.get(), r, r.content().withEmptyLists());
        }
        return new Registration(views.of(registerAll(List.of(r)).get(0)), true, true);
    }

    /**
     * Creates new issues (one from {@link #register}, a chunk of them from the ledger import) with one query for the
     * units they name, one for the codes already taken, one for the codes to give, one flush, and their history lines
     * and events each written in one statement. An {@code externalId} is not looked up here: {@link #register} has.
     * A refused one throws, and the caller's transaction keeps none of them.
     */
    public List<Issue> registerAll(List<RegisterIssue> rs) {
        if (rs.isEmpty()) {
            return List.of();
        }
        UnitService.Directory directory = units.directory(rs.stream()
                .flatMap(r -> UnitService.named(r.leadUnit(), r.cooperatingUnits(), r.content().districts()).stream()).toList());
        Set<String> given = new HashSet<>();
        for (RegisterIssue r : rs) {
            directory.validate(r.leadUnit(), r.cooperatingUnits(), r.content().districts());
            if (r.code() != null && !given.add(r.code())) {
                throw new ConflictException("Code " + r.code() + " is given twice");
            }
        }
        Set<String> taken = issues.takenCodes(given);
        if (!taken.isEmpty()) {
            throw new ConflictException("Code " + taken.iterator().next() + " is already used by another issue");
        }
        Map<IssueSource, Deque<String>> codes = new EnumMap<>(IssueSource.class);
        rs.stream().filter(r -> r.code() == null).collect(Collectors.groupingBy(RegisterIssue::source, Collectors.counting()))
                .forEach((source, n) -> codes.put(source, new ArrayDeque<>(nextCodes(source, n.intValue(), given))));
        List<Issue> created = new ArrayList<>(rs.size());
        List<HistoryEntry> lines = new ArrayList<>(rs.size());
        List<Outbox.Pending> events = new ArrayList<>(rs.size());
        for (RegisterIssue r : rs) {
            Issue issue = newIssue(r, r.content().withEmptyLists(), r.code() != null ? r.code() : codes.get(r.source()).pop());
            issues.persist(issue);
            created.add(issue);
            lines.add(history.actionLine(issue, "REGISTERED", null));
            events.add(new Outbox.Pending(IssueEvents.TOPIC, IssueEvents.REGISTERED, issue.id.toString(), registered(issue)));
        }
        issues.flush(); // the lines point at the new issues
        historyLines.insertAll(lines);
        outbox.publishAll(events);
        return created;
    }

    private Issue newIssue(RegisterIssue r, IssueContent content, String code) {
        Issue issue = new Issue();
        issue.id = UUID.randomUUID();
        issue.code = code;
        issue.externalId = r.externalId();
        issue.source = r.source();
        issue.status = IssueStatus.REGISTERED;
        issue.title = content.title();
        issue.description = content.description();
        issue.category = content.category();
        issue.districts = copy(content.districts());
        issue.target = content.target();
        issue.requirements = content.requirements();
        issue.measures = copy(content.measures());
        issue.approach = content.approach();
        issue.track = content.track();
        issue.term = content.term();
        issue.responsibleOfficials = copy(content.responsibleOfficials());
        issue.deadline = r.deadline();
        issue.originalDeadline = r.deadline();
        issue.deadlineRule = r.deadline() != null ? DeadlineRule.fixed(r.deadline()) : null;
        issue.leadUnit = r.leadUnit();
        issue.cooperatingUnits = withoutLead(r.cooperatingUnits(), r.leadUnit());
        issue.createdAt = clock.now();
        issue.updatedAt = issue.createdAt;
        return issue;
    }

    private static IssueEvents.IssueRegistered registered(Issue issue) {
        return new IssueEvents.IssueRegistered(IssueFacts.of(issue), issue.externalId);
    }

    private Registration update(Issue issue, RegisterIssue r, IssueContent content) {
        if (r.code() != null && !r.code().equals(issue.code)) {
            throw new InvalidInputException("code", "externalId " + r.externalId() + " is already registered as " + issue.code);
        }
        boolean changed = changes.apply(issue, content, PROVINCIAL_UPDATE);
        if (r.leadUnit() != null && !r.leadUnit().equals(issue.leadUnit)) {
            if (issue.status != IssueStatus.REGISTERED) {
                throw new ConflictException("The lead unit of " + issue.code + " changes through ASSIGN (交办), not an update");
            }
            changed |= changes.set(issue, "leadUnit", issue.leadUnit, r.leadUnit(), v -> issue.leadUnit = v, PROVINCIAL_UPDATE);
        }
        if (r.cooperatingUnits() != null) {
            changed |= changes.set(issue, "cooperatingUnits", issue.cooperatingUnits, withoutLead(r.cooperatingUnits(), issue.leadUnit),
                    v -> issue.cooperatingUnits = v, PROVINCIAL_UPDATE);
        }
        if (changed && !issue.status.isOpen()) {
            // Rolls the whole update back: a signed-off or cancelled item is not rewritten from outside.
            throw new ConflictException(issue.code + " is " + issue.status + "; a signed-off or cancelled issue is not changed by an update");
        }
        if (r.deadline() != null && !r.deadline().equals(issue.deadline)) {
            if (!issue.status.isOpen()) {
                throw new ConflictException(issue.code + " is " + issue.status + "; its deadline no longer changes");
            }
            Deadlines.requireNotPast("deadline", r.deadline(), clock.today());
            deadlines.move(issue, r.deadline(), "UPDATED", PROVINCIAL_UPDATE);
            if (issue.originalDeadline == null) {
                issue.originalDeadline = r.deadline();
            }
            changed = true;
        }
        if (changed) {
            issue.touch(clock.now());
        }
        issues.flush();
        return new Registration(views.of(issue), false, changed);
    }

    /** {@code n} codes for {@code source} from the sequence, none taken in the ledger nor in {@code avoid}. */
    private List<String> nextCodes(IssueSource source, int n, Set<String> avoid) {
        List<String> codes = new ArrayList<>(n);
        while (codes.size() < n) {
            List<String> drawn = issues.nextCodeNumbers(n - codes.size()).stream().map(k -> codeOf(source, k))
                    .filter(c -> !avoid.contains(c)).toList();
            Set<String> taken = issues.takenCodes(drawn);
            drawn.stream().filter(c -> !taken.contains(c)).forEach(codes::add);
        }
        return codes;
    }

    private static String codeOf(IssueSource source, long number) {
        String prefix = switch (source) {
            case REPORT -> "FK-";
            case HANDED_OVER -> "JB-";
            case PETITION -> "XF-";
            case SELF_FOUND -> "ZC-";
        };
        return prefix + String.format("%03d", number);
    }
}
