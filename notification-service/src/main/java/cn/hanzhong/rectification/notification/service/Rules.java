package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.config.NotificationConfig;
import cn.hanzhong.rectification.notification.domain.ItemKind;
import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.domain.TrackedItem;
import cn.hanzhong.rectification.notification.event.ItemEventData;
import cn.hanzhong.rectification.notification.repository.TrackedItemRepository;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.MalformedEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The notification rules: status notices from events, deadline reminders at the configured working
 * days before the deadline, overdue alerts on the owner's {@code *.overdue}, and escalations to the
 * office and leaders after the deadline. A changed deadline reschedules (keys include the deadline);
 * a closed item gets no more reminders.
 */
@ApplicationScoped
public class Rules {

    static final String OFFICE = "office";
    static final String LEADER = "leader";
    static final String DISCIPLINE = "discipline";
    private static final Set<String> CLOSED = Set.of("SIGNED_OFF", "CANCELLED", "CLOSED", "CONFIRMED", "DUPLICATE");

    private final TrackedItemRepository items;
    private final Notices notices;
    private final WorkingDayCalendar calendar;
    private final NotificationConfig config;

    public Rules(TrackedItemRepository items, Notices notices, WorkingDayCalendar calendar, NotificationConfig config) {
        this.items = items;
        this.notices = notices;
        this.calendar = calendar;
        this.config = config;
    }

    /** Applies one event of the issues or petitions service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onItemEvent(ItemKind kind, CloudEvent event, ItemEventData d) {
        String code = kind == ItemKind.PETITION ? d.caseNumber() : d.code();
        if (d.id() == null || code == null) {
            throw new MalformedEventException(event.type() + " without id or code");
        }
        TrackedItem item = items.findByIdOptional(d.id()).orElseGet(TrackedItem::new);
        boolean isNew = item.id == null;
        item.id = d.id();
        item.kind = kind;
        item.code = code;
        item.title = d.title() != null ? d.title() : item.title;
        item.leadUnit = d.leadUnit();
        item.cooperatingUnits = d.cooperatingUnits() != null ? new ArrayList<>(d.cooperatingUnits()) : new ArrayList<>();
        item.deadline = d.deadline();
        item.status = d.status() != null ? d.status() : "UNKNOWN";
        item.closed = CLOSED.contains(item.status);
        item.updatedAt = OffsetDateTime.now(Notices.ZONE);
        if (isNew) {
            item.firstSeen = LocalDate.now(Notices.ZONE);
            items.persist(item);
        }
        String cause = event.id().toString();
        String type = event.type().substring(event.type().indexOf('.') + 1);
        switch (type) {
            case "assigned" -> {
                notices.send(item, NoticeKind.ASSIGNED, item.units(), "已交办，整改时限 " + item.deadline, cause);
                remind(item, LocalDate.now(Notices.ZONE));
            }
            case "overdue" -> {
                item.overdueSince = item.deadline != null ? item.deadline.plusDays(1) : LocalDate.now(Notices.ZONE);
                List<String> to = new ArrayList<>(item.units().isEmpty() ? List.of() : List.of(item.leadUnit));
                to.add(OFFICE);
                notices.send(item, NoticeKind.OVERDUE, to, "已超过整改时限 " + item.deadline + "，仍未办结",
                        Notices.deadlineCause(item.deadline));
            }
            case "signed-off" -> leadNotice(item, NoticeKind.SIGNED_OFF, "已验收销号", cause);
            case "reopened" -> leadNotice(item, NoticeKind.REOPENED, "重新整改：" + nz(d.reason()), cause);
            case "concluded" -> notices.send(item, NoticeKind.CONCLUDED, List.of(OFFICE), "办理完毕，待审核", cause);
            case "progress-reported" -> {
                if (d.period() != null && (item.lastReportPeriod == null || d.period().compareTo(item.lastReportPeriod) > 0)) {
                    item.lastReportPeriod = d.period();
                }
            }
            case "status-changed" -> {
                if ("ACCEPTANCE_REQUESTED".equals(d.to())) {
                    notices.send(item, NoticeKind.ACCEPTANCE_REQUESTED, List.of(OFFICE), "牵头单位申请验收", cause);
                } else if ("REJECT".equals(d.action())) {
                    leadNotice(item, NoticeKind.REJECTED, "验收未通过：" + nz(d.reason()), cause);
                } else if ("RETURN".equals(d.action())) {
                    leadNotice(item, NoticeKind.RETURNED, "退回重办：" + nz(d.reason()), cause);
                } else if ("CLOSE".equals(d.action())) {
                    leadNotice(item, NoticeKind.CLOSED, "已审核办结", cause);
                }
            }
            default -> { }
        }
    }

    /** Applies one accountability event: a proposal goes to the office and the discipline bodies. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCaseEvent(CloudEvent event, ItemEventData d) {
        if (!event.type().equals("accountability.case-proposed")) {
            return;
        }
        if (d.id() == null || d.code() == null) {
            throw new MalformedEventException(event.type() + " without id or code");
        }
        TrackedItem c = new TrackedItem();
        c.id = d.id();
        c.kind = ItemKind.CASE;
        c.code = d.code();
        c.title = d.summary() != null ? d.summary() : d.code();
        c.status = "PROPOSED";
        notices.send(c, NoticeKind.ACCOUNTABILITY_PROPOSED, List.of(OFFICE, DISCIPLINE), "问责线索：" + c.title,
                event.id().toString());
    }

    @Scheduled(every = "{notification.scan-every:15m}", delayed = "{notification.scan-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "notification-deadline-scan")
    void scheduled() {
        scan(LocalDate.now(Notices.ZONE));
    }

    /** Reminders, escalations and monthly dispatch due as of {@code today}; safe to run often and on several instances. */
    public int scan(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int sent = 0;
            for (TrackedItem item : items.list("closed = false and deadline is not null")) {
                sent += remind(item, today);
                sent += escalate(item, today);
            }
            return sent + monthlyDispatch(today);
        });
    }

    /**
     * Monthly dispatch (按月调度): from the configured day on, each lead unit of an open issue that has
     * not reported for this month is reminded; once the month is over, the office learns who did not
     * report for it. Each once per issue and month.
     */
    int monthlyDispatch(LocalDate today) {
        YearMonth month = YearMonth.from(today);
        YearMonth previous = month.minusMonths(1);
        int sent = 0;
        for (TrackedItem item : items.list("kind = ?1 and closed = false and leadUnit is not null and status in ?2",
                ItemKind.ISSUE, List.of("ASSIGNED", "IN_PROGRESS"))) {
            if (today.getDayOfMonth() >= config.monthlyDispatchDay() && !reported(item, month)) {
                sent += notices.send(item, NoticeKind.MONTHLY_REPORT_DUE, List.of(item.leadUnit),
                        "请于月底前报送 " + month + " 整改进展", month.toString());
            }
            boolean knownLastMonth = item.firstSeen != null && item.firstSeen.isBefore(month.atDay(1));
            if (knownLastMonth && !reported(item, previous)) {
                sent += notices.send(item, NoticeKind.MONTHLY_REPORT_MISSING, List.of(OFFICE),
                        item.leadUnit + " 未报送 " + previous + " 整改进展", previous.toString());
            }
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
        List<Integer> thresholds = config.reminderDays().stream().sorted(Comparator.reverseOrder()).toList();
        for (int i = 0; i < thresholds.size(); i++) {
            int t = thresholds.get(i);
            int next = i + 1 < thresholds.size() ? thresholds.get(i + 1) : -1;
            if (left <= t && left > next) {
                return notices.send(item, NoticeKind.reminderFor(t), item.units(),
                        t == 0 ? "今日到期（" + item.deadline + "）" : "距整改时限 " + item.deadline + " 还有 " + left + " 个工作日",
                        Notices.deadlineCause(item.deadline));
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
        for (int days : config.escalationDays()) {
            if (late >= days && (days == 7 || days == 30)) {
                sent += notices.send(item, days == 7 ? NoticeKind.ESCALATION_7 : NoticeKind.ESCALATION_30,
                        List.of(OFFICE, LEADER), "逾期 " + late + " 天仍未办结，请督办", Notices.deadlineCause(item.deadline));
            }
        }
        return sent;
    }

    private void leadNotice(TrackedItem item, NoticeKind kind, String body, String cause) {
        if (item.leadUnit != null) {
            notices.send(item, kind, List.of(item.leadUnit), body, cause);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
