package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.EvidenceRecord;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.OrderAction;
import cn.hanzhong.rectification.issues.domain.OrderHistoryEntry;
import cn.hanzhong.rectification.issues.domain.OrderStatus;
import cn.hanzhong.rectification.issues.domain.SupervisionLevel;
import cn.hanzhong.rectification.issues.domain.SupervisionOrder;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.OrderEvents;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.repository.OrderHistoryRepository;
import cn.hanzhong.rectification.issues.repository.SupervisionOrderRepository;
import cn.hanzhong.rectification.issues.service.command.ActOnOrder;
import cn.hanzhong.rectification.issues.service.command.IssueOrder;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.lifecycle.TransitionGuard;
import cn.hanzhong.rectification.platform.lifecycle.Versions;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.security.UnitScope;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Supervision orders (督办单): the office issues one to the lead unit of lagging issues, the unit
 * responds by the due date, the office closes it or returns it (退办) with a new due date; past the
 * due date without a response it is announced overdue once. Each step in the order's history and an
 * event on the issues topic.
 */
@ApplicationScoped
public class SupervisionOrders {

    private static final Logger LOG = Logger.getLogger(SupervisionOrders.class);
    private static final int OVERDUE_BATCH = 500;

    /** An order as the caller sees it now. */
    public record View(SupervisionOrder order, boolean overdue, List<OrderAction> allowedActions) {
    }

    @Schema(name = "SupervisionOrderUnitCounts")
    public record UnitCounts(String unit, long awaitingResponse, long overdue, long responded, long closed, long returns) {
    }

    private final SupervisionOrderRepository orders;
    private final OrderHistoryRepository historyLines;
    private final IssueRepository issues;
    private final OrderHistory history;
    private final WorkingDayCalendar calendar;
    private final Outbox outbox;
    private final CurrentUser user;
    private final UnitScope scope;
    private final ProgrammeClock clock;
    private final EvidenceService evidence;

    public SupervisionOrders(SupervisionOrderRepository orders, OrderHistoryRepository historyLines, IssueRepository issues,
                             OrderHistory history, WorkingDayCalendar calendar, Outbox outbox, CurrentUser user,
                             UnitScope scope, ProgrammeClock clock, EvidenceService evidence) {
        this.evidence = evidence;
        this.scope = scope;
        this.orders = orders;
        this.historyLines = historyLines;
        this.issues = issues;
        this.history = history;
        this.calendar = calendar;
        this.outbox = outbox;
        this.user = user;
        this.clock = clock;
    }

    @Transactional
    public View issue(IssueOrder r) {
        scope.requireOffice();
        LocalDate today = clock.today();
        List<Problem.Violation> violations = new ArrayList<>();
        List<UUID> ids = r.issueIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(r.issueIds()));
        if (ids.isEmpty()) {
            violations.add(new Problem.Violation("issueIds", "name at least one issue"));
        }
        Set<String> units = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Issue issue = issues.findById(ids.get(i));
            if (issue == null) {
                violations.add(new Problem.Violation("issueIds[" + i + "]", "no issue " + ids.get(i)));
            } else if (!issue.status.isOpen()) {
                violations.add(new Problem.Violation("issueIds[" + i + "]", issue.code + " is " + issue.status + ", not open"));
            } else if (issue.leadUnit == null) {
                violations.add(new Problem.Violation("issueIds[" + i + "]", issue.code + " has no lead unit yet (ASSIGN it first)"));
            } else {
                units.add(issue.leadUnit);
            }
        }
        if (units.size() > 1) {
            violations.add(new Problem.Violation("issueIds", "an order goes to one lead unit; these issues are led by " + units));
        }
        LocalDate due = dueDate(r.dueDate(), r.dueWorkingDays(), today, violations);
        if (r.number() != null && orders.numberExists(r.number().strip())) {
            throw new ConflictException("Supervision order number " + r.number().strip() + " is already used");
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        SupervisionOrder o = new SupervisionOrder();
        o.id = UUID.randomUUID();
        int year = today.getYear();
        o.number = r.number() != null ? r.number().strip() : "汉整改督〔" + year + "〕" + orders.nextNumber(year) + "号";
        o.level = r.level() == null ? SupervisionLevel.GENERAL : r.level();
        o.unit = units.iterator().next();
        o.issueIds = new ArrayList<>(ids);
        o.problem = r.problem().strip();
        o.requirements = r.requirements().strip();
        o.dueDate = due;
        o.status = OrderStatus.ISSUED;
        o.issuedBy = user.subject();
        o.issuedAt = clock.now();
        o.updatedAt = o.issuedAt;
        orders.persist(o);
        history.action(o, "ISSUE", o.level.label() + "，" + o.unit + "，" + ids.size() + " 项问题，限 " + due + " 前反馈");
        publish(OrderEvents.ISSUED, o);
        orders.flush();
        return view(o);
    }

    @Transactional
    public View act(UUID id, ActOnOrder a, Integer ifMatch) {
        SupervisionOrder o = readable(orders.findForUpdate(id).orElse(null), id);
        Versions.requireCurrent(ifMatch, o.version);
        Set<OrderAction.Actor> actors = actorsFor(o);
        OrderAction action = a.action();
        String refusal = actors.contains(action.actor()) ? null : action.actor() == OrderAction.Actor.OFFICE
                ? "Only the rectification office may " + action + " an order" : "Only the unit the order is addressed to may respond";
        TransitionGuard.check(action, o.status, refusal, action.allowedFrom(o.status), OrderAction.allowed(o.status, actors));
        List<Problem.Violation> violations = new ArrayList<>();
        OrderStatus from = o.status;
        switch (action) {
            case RESPOND -> {
                String response = required(a.response(), "response", violations);
                if (violations.isEmpty()) {
                    history.change(o, "RESPOND", "response", o.response, response, null);
                    o.response = response;
                    o.respondedAt = clock.now();
                    evidence.attach(a.evidenceIds(), Set.copyOf(o.issueIds), EvidenceRecord.ORDER_RESPONSE,
                            o.id + "/" + (o.returnCount + 1), true, "evidenceIds");
                }
            }
            case RETURN -> {
                String reason = required(a.reason(), "reason", violations);
                LocalDate due = dueDate(a.dueDate(), a.dueWorkingDays(), clock.today(), violations);
                if (violations.isEmpty()) {
                    history.change(o, "RETURN", "dueDate", o.dueDate, due, reason);
                    o.dueDate = due;
                    o.returnCount++;
                }
            }
            case CLOSE -> {
                o.closingOpinion = a.reason() == null || a.reason().isBlank() ? null : a.reason().strip();
            }
            case WITHDRAW -> required(a.reason(), "reason", violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        o.status = action.target();
        o.updatedAt = clock.now();
        history.change(o, action.name(), "status", from, o.status, action == OrderAction.RESPOND ? null : a.reason());
        publish(switch (action) {
            case RESPOND -> OrderEvents.RESPONDED;
            case RETURN -> OrderEvents.RETURNED;
            case CLOSE -> OrderEvents.CLOSED;
            case WITHDRAW -> OrderEvents.WITHDRAWN;
        }, o);
        orders.flush();
        return view(o);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(UUID id) {
        return view(readable(orders.findById(id), id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<View> search(SupervisionOrderRepository.Filter filter, PageRequest page) {
        SupervisionOrderRepository.Filter scoped = restrictedUnit()
                .map(u -> new SupervisionOrderRepository.Filter(filter.statuses(), filter.levels(), u, filter.issue(), filter.overdue()))
                .orElse(filter);
        if (scoped.unit() != null && filter.unit() != null && !scoped.unit().equals(filter.unit())) {
            return Page.of(List.of(), page, 0);
        }
        return orders.search(scoped, page, clock.today()).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrderHistoryEntry> history(UUID id, PageRequest page) {
        readable(orders.findById(id), id);
        return Page.of(historyLines.find("orderId", page.panacheSort(), id), page, Function.identity());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnitCounts> countsByUnit() {
        return allCountsByUnit().stream().filter(c -> restrictedUnit().map(c.unit()::equals).orElse(true)).toList();
    }

    /** The counts of every unit, whoever asks (for the published figures). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnitCounts> allCountsByUnit() {
        return orders.countsByUnit(clock.today()).stream().map(r -> new UnitCounts((String) r[0], n(r[1]), n(r[2]), n(r[3]),
                n(r[4]), n(r[5]))).toList();
    }

    @Scheduled(cron = "{issues.overdue-cron:0 5 0 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "supervision-orders-overdue")
    void daily() {
        int n = publishOverdue(clock.today());
        if (n > 0) {
            LOG.infof("%d supervision orders became overdue", n);
        }
    }

    /** Announces, once per due date, every order past it without a response as of {@code today}; returns how many. */
    public int publishOverdue(LocalDate today) {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<SupervisionOrder> due = orders.lockNewlyOverdue(today, OVERDUE_BATCH);
                for (SupervisionOrder o : due) {
                    o.overdueNotifiedFor = o.dueDate;
                    history.action(o, "OVERDUE", "no response by " + o.dueDate);
                    outbox.publish(IssueEvents.TOPIC, OrderEvents.OVERDUE, o.id.toString(),
                            new OrderEvents.OrderOverdue(OrderEvents.OrderFacts.of(o), o.dueDate.plusDays(1)));
                }
                return due.size();
            });
            total += batch;
        } while (batch == OVERDUE_BATCH);
        return total;
    }

    private View view(SupervisionOrder o) {
        return new View(o, o.overdue(clock.today()), OrderAction.allowed(o.status, actorsFor(o)));
    }

    private Set<OrderAction.Actor> actorsFor(SupervisionOrder o) {
        Set<OrderAction.Actor> actors = EnumSet.noneOf(OrderAction.Actor.class);
        if (user.hasRole(Roles.OFFICE)) {
            actors.add(OrderAction.Actor.OFFICE);
        }
        if (user.hasRole(Roles.UNIT) && user.unit().filter(o.unit::equals).isPresent()) {
            actors.add(OrderAction.Actor.ADDRESSED_UNIT);
        }
        return actors;
    }

    /** A unit reads only the orders addressed to it: any other is "not found". */
    private SupervisionOrder readable(SupervisionOrder o, UUID id) {
        if (o == null || restrictedUnit().map(u -> !u.equals(o.unit)).orElse(false)) {
            throw new ResourceNotFoundException("Supervision order", id);
        }
        return o;
    }

    private Optional<String> restrictedUnit() {
        return scope.restrictedToUnit();
    }

    private LocalDate dueDate(LocalDate date, Integer workingDays, LocalDate today, List<Problem.Violation> violations) {
        if ((date == null) == (workingDays == null)) {
            violations.add(new Problem.Violation("dueDate", "give either dueDate or dueWorkingDays"));
            return null;
        }
        if (workingDays != null) {
            return calendar.addWorkingDays(today, workingDays);
        }
        if (date.isBefore(today)) {
            violations.add(new Problem.Violation("dueDate", "must not be in the past"));
        }
        return date;
    }

    private static String required(String value, String field, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Problem.Violation(field, "is required"));
            return null;
        }
        return value.strip();
    }

    private void publish(String type, SupervisionOrder o) {
        outbox.publish(IssueEvents.TOPIC, type, o.id.toString(), new OrderEvents.OrderChanged(OrderEvents.OrderFacts.of(o)));
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
