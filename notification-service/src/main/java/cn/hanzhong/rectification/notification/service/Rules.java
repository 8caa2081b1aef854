package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.config.NotificationConfig;
import cn.hanzhong.rectification.notification.domain.ItemKind;
import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.domain.TrackedItem;
import cn.hanzhong.rectification.notification.domain.Visibility;
import cn.hanzhong.rectification.notification.event.ItemEventData;
import cn.hanzhong.rectification.notification.event.OrderEventData;
import cn.hanzhong.rectification.notification.event.ProducerEvents;
import cn.hanzhong.rectification.notification.repository.TrackedItemRepository;
import cn.hanzhong.rectification.notification.service.Notices.Notice;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.MalformedEventException;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The notification rules: status notices from events, deadline reminders at the configured working
 * days before the deadline, overdue alerts on the owner's {@code *.overdue}, and escalations to the
 * office and leaders at the configured days after it. A changed deadline reschedules (keys include
 * the deadline); a closed item gets no more reminders. Who receives each notice is
 * {@link Visibility}.
 */
@ApplicationScoped
public class Rules {

    private final TrackedItemRepository items;
    private final Notices notices;
    private final WorkingDayCalendar calendar;
    private final NotificationConfig config;
    private final ProgrammeClock clock;
    private final List<Integer> reminderDays;
    private final List<Integer> escalationDays;

    public Rules(TrackedItemRepository items, Notices notices, WorkingDayCalendar calendar, NotificationConfig config,
                 ProgrammeClock clock) {
        this.items = items;
        this.notices = notices;
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
        this.reminderDays = config.reminderDays().stream().sorted(Comparator.reverseOrder()).toList();
        this.escalationDays = config.escalationDays().stream().sorted().toList();
    }

    /** Applies one event of the issues or petitions service (a type it knows; others never reach it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onItemEvent(ItemKind kind, CloudEvent event, ItemEventData d) {
        String code = kind == ItemKind.PETITION ? d.caseNumber() : d.code();
        if (d.id() == null || code == null) {
            throw new MalformedEventException(event.type() + " without id or code");
        }
        TrackedItem item = track(kind, code, d);
        String cause = event.id().toString();
        LocalDate today = clock.today();
        switch (event.type().substring(event.type().indexOf('.') + 1)) {
            case ProducerEvents.ASSIGNED -> {
                notices.send(item, Notice.of(NoticeKind.ASSIGNED, "已交办，整改时限 " + item.deadline, cause));
                remind(item, today);
            }
            case ProducerEvents.OVERDUE -> {
                item.overdueSince = item.deadline != null ? item.deadline.plusDays(1) : today;
                notices.send(item, Notice.of(NoticeKind.OVERDUE, "已超过整改时限 " + item.deadline + "，仍未办结",
                        Notices.deadlineCause(item.deadline)));
            }
            case ProducerEvents.DEADLINE_CHANGED -> {
                notices.send(item, Notice.of(NoticeKind.DEADLINE_CHANGED, "整改时限调整为 " + d.newDeadline()
                        + (d.oldDeadline() != null ? "（原为 " + d.oldDeadline() + "）" : ""), cause).withDetail(d.reason()));
                remind(item, today);
            }
            case ProducerEvents.SIGNED_OFF -> notices.send(item, Notice.of(NoticeKind.SIGNED_OFF, "已验收销号", cause));
            case ProducerEvents.REOPENED -> notices.send(item, Notice.of(NoticeKind.REOPENED, "重新整改", cause)
                    .withDetail(d.reason()));
            case ProducerEvents.CONCLUDED -> notices.send(item, Notice.of(NoticeKind.CONCLUDED, "办理完毕，待审核", cause));
            case ProducerEvents.PROGRESS_REPORTED -> reported(item, d.period());
            case ProducerEvents.EXTENSION_REQUESTED -> notices.send(item, Notice.of(NoticeKind.EXTENSION_REQUESTED,
                    "牵头单位申请将整改时限延至 " + d.proposedDeadline(), cause).withDetail(d.reason()));
            case ProducerEvents.EXTENSION_DECIDED -> notices.send(item, Notice.of(NoticeKind.EXTENSION_DECIDED,
                    (ProducerEvents.DECISION_APPROVED.equals(d.decision()) ? "延期申请已批准，整改时限延至 " : "延期申请未批准，申请延至 ")
                            + d.proposedDeadline(), cause).withDetail(d.note()));
            case ProducerEvents.STATUS_CHANGED -> statusNotice(item, d, cause);
            default -> { }
        }
    }

    /** Loads the items a batch of events is about in one query (the events then find them in the session). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prefetch(List<CloudEvent> events) {
        List<UUID> ids = new ArrayList<>();
        for (CloudEvent e : events) {
            try {
                ids.add(UUID.fromString(e.subject()));
            } catch (RuntimeException notAnId) {
                // the event's own data names the item; it is read then
            }
        }
        if (!ids.isEmpty()) {
            items.list("id in ?1", ids);
        }
    }

    private void statusNotice(TrackedItem item, ItemEventData d, String cause) {
        Notice n = null;
        if (ProducerEvents.STATUS_ACCEPTANCE_REQUESTED.equals(d.to())) {
            n = Notice.of(NoticeKind.ACCEPTANCE_REQUESTED, "牵头单位申请验收", cause);
        } else if (ProducerEvents.ACTION_REJECT.equals(d.action())) {
            n = Notice.of(NoticeKind.REJECTED, "验收未通过，退回整改", cause).withDetail(d.reason());
        } else if (ProducerEvents.ACTION_RETURN.equals(d.action())) {
            n = Notice.of(NoticeKind.RETURNED, "退回重办", cause).withDetail(d.reason());
        } else if (ProducerEvents.ACTION_CLOSE.equals(d.action())) {
            n = Notice.of(NoticeKind.CLOSED, "已审核办结", cause);
        } else if (ProducerEvents.ACTION_MARK_DUPLICATE.equals(d.action())) {
            n = Notice.of(NoticeKind.MARKED_DUPLICATE, "已认定为重复件", cause).withDetail(d.reason());
        } else if (ProducerEvents.STATUS_CANCELLED.equals(d.to())) {
            n = Notice.of(NoticeKind.CANCELLED, "已撤销", cause).withDetail(d.reason());
        }
        if (n != null) {
            notices.send(item, n);
        }
    }

    private TrackedItem track(ItemKind kind, String code, ItemEventData d) {
        TrackedItem item = items.findByIdOptional(d.id()).orElseGet(TrackedItem::new);
        boolean isNew = item.id == null;
        item.id = d.id();
        item.kind = kind;
        item.code = code;
        item.title = d.title() != null ? d.title() : item.title;
        item.leadUnit = d.leadUnit();
        item.cooperatingUnits = d.cooperatingUnits() != null ? new ArrayList<>(d.cooperatingUnits()) : new ArrayList<>();
        item.deadline = d.deadline();
        item.deadlineProvisional = Boolean.TRUE.equals(d.deadlineProvisional());
        item.status = d.status() != null ? d.status() : "UNKNOWN";
        item.closed = ProducerEvents.CLOSED_STATUSES.contains(item.status);
        item.updatedAt = clock.now();
        if (isNew) {
            item.firstSeen = clock.today();
            items.persist(item);
        }
        return item;
    }

    private void reported(TrackedItem item, String period) {
        if (period == null) {
            return;
        }
        if (item.lastReportPeriod == null || period.compareTo(item.lastReportPeriod) > 0) {
            item.lastReportPeriod = period;
        }
        items.getEntityManager().createNativeQuery("""
                        insert into reported_period (item_id, period, reported_at) values (:id, :period, :at)
                        on conflict do nothing""")
                .setParameter("id", item.id).setParameter("period", period).setParameter("at", clock.now()).executeUpdate();
    }

    /**
     * Applies one supervision order event: the order is tracked as an item due by its response date (so the
     * reminders and escalations of the scan apply while it waits for a response); the unit addressed learns
     * of the order and of a return, the office of a response, both of an overdue order (催办).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onOrderEvent(CloudEvent event, OrderEventData d) {
        if (d.id() == null || d.number() == null || d.unit() == null) {
            throw new MalformedEventException(event.type() + " without id, number or unit");
        }
        TrackedItem item = items.findByIdOptional(d.id()).orElseGet(TrackedItem::new);
        boolean isNew = item.id == null;
        item.id = d.id();
        item.kind = ItemKind.SUPERVISION_ORDER;
        item.code = d.number();
        item.title = "督办单 " + d.number();
        item.leadUnit = d.unit();
        item.cooperatingUnits = new ArrayList<>();
        item.deadline = d.dueDate();
        item.deadlineProvisional = false;
        item.status = d.status() != null ? d.status() : "UNKNOWN";
        // Reminders run while the order waits for the unit's response.
        item.closed = !ProducerEvents.ORDER_AWAITING_RESPONSE.contains(item.status);
        item.updatedAt = clock.now();
        if (isNew) {
            item.firstSeen = clock.today();
            items.persist(item);
        }
        String cause = event.id().toString();
        switch (event.type().substring(ProducerEvents.ORDER_PREFIX.length())) {
            case "issued" -> notices.send(item, Notice.of(NoticeKind.SUPERVISION_ORDER_ISSUED,
                    "收到督办单 " + d.number() + "，请于 " + d.dueDate() + " 前反馈整改情况", cause));
            case "returned" -> notices.send(item, Notice.of(NoticeKind.SUPERVISION_ORDER_RETURNED,
                    "督办单 " + d.number() + " 的反馈被退办，请于 " + d.dueDate() + " 前重新反馈", cause));
            case "responded" -> notices.send(item, Notice.of(NoticeKind.SUPERVISION_ORDER_RESPONDED,
                    d.unit() + " 已反馈督办单 " + d.number() + "，请审核", cause));
            case "overdue" -> {
                item.overdueSince = d.dueDate() != null ? d.dueDate().plusDays(1) : clock.today();
                notices.send(item, Notice.of(NoticeKind.SUPERVISION_ORDER_OVERDUE,
                        "督办单 " + d.number() + " 已超过反馈期限 " + d.dueDate() + "，请立即反馈", Notices.deadlineCause(d.dueDate())));
            }
            default -> { }
        }
    }

    /**
     * Applies one implementation-plan event: the plan is tracked as an item of its unit due on the programme's
     * date while owed (so the deadline scan reminds the unit before it); a submission tells the office, a
     * return the unit, the due date passing without a plan both.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onPlanEvent(CloudEvent event, cn.hanzhong.rectification.notification.event.PlanEventData d) {
        if (d.id() == null || d.unit() == null || d.dueDate() == null) {
            throw new MalformedEventException(event.type() + " without id, unit or dueDate");
        }
        TrackedItem item = items.findByIdOptional(d.id()).orElseGet(TrackedItem::new);
        boolean isNew = item.id == null;
        item.id = d.id();
        item.kind = ItemKind.IMPLEMENTATION_PLAN;
        item.code = d.unit();
        item.title = "整改实施方案（" + d.unit() + "）";
        item.leadUnit = d.unit();
        item.cooperatingUnits = new ArrayList<>();
        item.deadline = d.dueDate();
        item.deadlineProvisional = false;
        item.status = d.status() != null ? d.status() : "UNKNOWN";
        item.closed = !ProducerEvents.PLAN_OWED.contains(item.status);
        item.updatedAt = clock.now();
        if (isNew) {
            item.firstSeen = clock.today();
            items.persist(item);
        }
        String cause = event.id().toString();
        String title = d.title() == null ? "整改实施方案" : "《" + d.title() + "》";
        switch (event.type().substring(ProducerEvents.PLAN_PREFIX.length())) {
            case "submitted" -> notices.send(item, Notice.of(NoticeKind.PLAN_SUBMITTED, d.unit() + " 已报送" + title + "，请审核", cause));
            case "returned" -> notices.send(item, Notice.of(NoticeKind.PLAN_RETURNED, title + " 被退回修改，请修改后重新报送", cause));
            case "overdue" -> {
                item.overdueSince = d.dueDate().plusDays(1);
                notices.send(item, Notice.of(NoticeKind.PLAN_OVERDUE, d.unit() + " 未按期（" + d.dueDate() + " 前）报送整改实施方案",
                        Notices.deadlineCause(d.dueDate())));
            }
            default -> { }
        }
    }

    /** A reconciliation with the provincial system (of the ledger or of the petitions) that found anything different tells the office, once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onReconciliation(CloudEvent event, cn.hanzhong.rectification.notification.event.ReconciliationEventData d) {
        if (d.id() == null) {
            throw new MalformedEventException(event.type() + " without id");
        }
        if (!d.anythingDiffers()) {
            return;
        }
        String what = event.type().equals(ProducerEvents.PETITION_RECONCILIATION_COMPLETED) ? "信访件省市对账" : "省市对账";
        TrackedItem item = new TrackedItem();
        item.id = d.id();
        item.kind = ItemKind.RECONCILIATION;
        item.code = "对账";
        item.title = what + " " + (d.source() == null ? "" : d.source());
        item.status = "COMPLETED";
        notices.send(item, Notice.of(NoticeKind.RECONCILIATION_DIFFERENCES, what + "：" + d.different() + " 项不一致，"
                + d.onlyThere() + " 项仅省级有，" + d.onlyHere() + " 项仅本市有，" + d.invalid() + " 行无法识别", event.id().toString()));
    }

    /** Applies one accountability event: a proposal goes to the office and the discipline bodies. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCaseEvent(CloudEvent event, ItemEventData d) {
        if (!event.type().equals(ProducerEvents.CASE_PROPOSED)) {
            return;
        }
        if (d.id() == null || d.code() == null) {
            throw new MalformedEventException(event.type() + " without id or code");
        }
        TrackedItem c = new TrackedItem();
        c.id = d.id();
        c.kind = ItemKind.CASE;
        c.code = d.code();
        c.title = d.code();
        c.status = ProducerEvents.STATUS_PROPOSED;
        notices.send(c, Notice.of(NoticeKind.ACCOUNTABILITY_PROPOSED, "新的问责线索，请研判", event.id().toString())
                .withDetail(d.summary()));
    }

    @Scheduled(every = "{notification.scan-every:15m}", delayed = "{notification.scan-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "notification-deadline-scan")
    void scheduled() {
        scan(clock.today());
    }

    /**
     * Reminders, escalations and monthly dispatch due as of {@code today}; safe to run often and on
     * several instances. Pages through the open items, one short transaction per page.
     */
    public int scan(LocalDate today) {
        int sent = QuarkusTransaction.requiringNew().call(() -> calendarDue(today));
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes
        while (true) {
            UUID from = after;
            List<UUID> page = QuarkusTransaction.requiringNew().call(() -> items.getEntityManager().createQuery(
                            "select t.id from TrackedItem t where t.closed = false and t.id > :after order by t.id", UUID.class)
                    .setParameter("after", from).setMaxResults(config.scanPageSize()).getResultList());
            if (page.isEmpty()) {
                return sent;
            }
            sent += QuarkusTransaction.requiringNew().call(() -> {
                int n = 0;
                for (TrackedItem item : items.list("id in ?1", page)) {
                    n += remind(item, today) + escalate(item, today) + monthlyDispatch(item, today);
                }
                return n;
            });
            after = page.get(page.size() - 1);
        }
    }

    /**
     * From November on, the office is told (once per year) that next year's holiday notice is not
     * loaded: deadlines counted into that year are provisional until it is.
     */
    int calendarDue(LocalDate today) {
        int next = today.getYear() + 1;
        if (today.getMonthValue() < config.calendarReminderMonth() || calendar.schedule(next) != null) {
            return 0;
        }
        return notices.send(TrackedItem.calendarYear(next), Notice.of(NoticeKind.CALENDAR_MISSING,
                next + " 年节假日安排尚未录入：国务院办公厅通知发布后请通过 PUT /api/v1/calendar/" + next
                        + " 录入，跨入该年的工作日时限在此之前均为暂定", String.valueOf(next)));
    }

    /**
     * Monthly dispatch (按月调度): from the configured day on, the lead unit of an open issue that has
     * not reported for this month is reminded; once the month is over, the office learns who did not
     * report for it. Each once per issue and month.
     */
    int monthlyDispatch(TrackedItem item, LocalDate today) {
        if (item.kind != ItemKind.ISSUE || item.closed || item.leadUnit == null
                || !ProducerEvents.DISPATCHED_STATUSES.contains(item.status)) {
            return 0;
        }
        YearMonth month = YearMonth.from(today);
        YearMonth previous = month.minusMonths(1);
        int sent = 0;
        if (today.getDayOfMonth() >= config.monthlyDispatchDay() && !reported(item, month)) {
            sent += notices.send(item, Notice.of(NoticeKind.MONTHLY_REPORT_DUE, "请于月底前报送 " + month + " 整改进展",
                    month.toString()));
        }
        boolean knownLastMonth = item.firstSeen != null && item.firstSeen.isBefore(month.atDay(1));
        if (knownLastMonth && !reported(item, previous)) {
            sent += notices.send(item, Notice.of(NoticeKind.MONTHLY_REPORT_MISSING,
                    item.leadUnit + " 未报送 " + previous + " 整改进展", previous.toString()));
        }
        return sent;
    }

    private static boolean reported(TrackedItem item, YearMonth month) {
        return item.lastReportPeriod != null && item.lastReportPeriod.compareTo(month.toString()) >= 0;
    }

    /**
     * The reminder whose window holds the working days left: with thresholds 7, 3, 1, 0 an item due
     * in 5 working days gets the 7-day reminder, one due in 3 the 3-day reminder, and so on.
     */
    int remind(TrackedItem item, LocalDate today) {
        if (item.closed || item.deadline == null || item.deadline.isBefore(today) || item.leadUnit == null) {
            return 0;
        }
        int left = calendar.workingDaysBetween(today, item.deadline);
        for (int i = 0; i < reminderDays.size(); i++) {
            int t = reminderDays.get(i);
            int next = i + 1 < reminderDays.size() ? reminderDays.get(i + 1) : -1;
            if (left <= t && left > next) {
                Notice n = t == 0
                        ? new Notice(NoticeKind.DUE_TODAY, null, "今日到期（" + item.deadline + "）", null, Notices.deadlineCause(item.deadline))
                        : new Notice(NoticeKind.REMINDER, t, "距整改时限 " + item.deadline + " 还有 " + left + " 个工作日"
                        + (item.deadlineProvisional ? "（时限暂定：相关年度节假日安排尚未公布）" : ""), null,
                        Notices.deadlineCause(item.deadline));
                return notices.send(item, n);
            }
        }
        return 0;
    }

    int escalate(TrackedItem item, LocalDate today) {
        if (item.closed || item.deadline == null || !item.deadline.isBefore(today)) {
            return 0;
        }
        long late = ChronoUnit.DAYS.between(item.deadline, today);
        int sent = 0;
        for (int days : escalationDays) {
            if (late >= days) {
                sent += notices.send(item, new Notice(NoticeKind.ESCALATION, days, "逾期 " + late + " 天仍未办结，请督办", null,
                        Notices.deadlineCause(item.deadline)));
            }
        }
        return sent;
    }
}
