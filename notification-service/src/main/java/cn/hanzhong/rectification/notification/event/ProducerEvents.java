package cn.hanzhong.rectification.notification.event;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The producers' topics, event types, statuses and actions this service reads (from
 * {@code deploy/events.md} and the contract fixtures under {@code deploy/contracts/events}); any
 * other event type is ignored without effect.
 */
public final class ProducerEvents {

    public static final String ISSUES = "rectification.issues";
    public static final String PETITIONS = "rectification.petitions";
    public static final String ACCOUNTABILITY = "rectification.accountability";

    // Type suffixes shared by issue.* and petition.* events.
    public static final String REGISTERED = "registered";
    public static final String RECEIVED = "received";
    public static final String ASSIGNED = "assigned";
    public static final String STATUS_CHANGED = "status-changed";
    public static final String DEADLINE_CHANGED = "deadline-changed";
    public static final String PROGRESS_REPORTED = "progress-reported";
    public static final String SIGNED_OFF = "signed-off";
    public static final String REOPENED = "reopened";
    public static final String OVERDUE = "overdue";
    public static final String CONCLUDED = "concluded";
    public static final String EXTENSION_REQUESTED = "extension-requested";
    public static final String EXTENSION_DECIDED = "extension-decided";

    public static final Set<String> ISSUE_TYPES = prefixed("issue.", REGISTERED, ASSIGNED, STATUS_CHANGED, DEADLINE_CHANGED,
            PROGRESS_REPORTED, SIGNED_OFF, REOPENED, OVERDUE, EXTENSION_REQUESTED, EXTENSION_DECIDED);
    /** What this service reads on the issues topic: the ledger's events and {@code calendar.updated}. */
    /** The issues service's supervision orders (督办单), on the same topic. */
    public static final String ORDER_PREFIX = "supervision-order.";
    public static final Set<String> ORDER_TYPES = prefixed(ORDER_PREFIX, "issued", "responded", "returned", "closed",
            "withdrawn", "overdue");
    /** The issues service's registry of unit implementation plans (整改实施方案), on the same topic. */
    public static final String PLAN_PREFIX = "implementation-plan.";
    public static final Set<String> PLAN_TYPES = prefixed(PLAN_PREFIX, "required", "submitted", "accepted", "returned", "overdue");
    /** A plan the unit still owes (the time its reminders run). */
    public static final Set<String> PLAN_OWED = Set.of("REQUIRED", "RETURNED");
    /** A reconciliation of the ledger with the provincial system finished. */
    public static final String RECONCILIATION_COMPLETED = "reconciliation.completed";
    public static final Set<String> ISSUE_TYPES_AND_CALENDAR = union(union(union(ISSUE_TYPES, ORDER_TYPES), PLAN_TYPES),
            Set.of("calendar.updated", RECONCILIATION_COMPLETED, FiguresEventData.ISSUES));
    /** A reconciliation of the petitions with the province's list of forwarded cases finished. */
    public static final String PETITION_RECONCILIATION_COMPLETED = "petition.reconciliation-completed";
    public static final Set<String> PETITION_TYPES = union(prefixed("petition.", RECEIVED, ASSIGNED, STATUS_CHANGED, CONCLUDED,
            REOPENED, DEADLINE_CHANGED, OVERDUE), Set.of(FiguresEventData.PETITIONS, PETITION_RECONCILIATION_COMPLETED));

    public static final String CASE_PROPOSED = "accountability.case-proposed";
    public static final Set<String> CASE_TYPES = Set.of(CASE_PROPOSED, "accountability.case-opened",
            "accountability.case-decided", "accountability.case-closed", FiguresEventData.ACCOUNTABILITY);

    // Statuses after which an item gets no more reminders.
    public static final Set<String> CLOSED_STATUSES = Set.of("SIGNED_OFF", "CANCELLED", "CLOSED", "CONFIRMED", "DUPLICATE");
    public static final Set<String> DISPATCHED_STATUSES = Set.of("ASSIGNED", "IN_PROGRESS");
    /** A supervision order waiting for the unit's response (the time its reminders run). */
    public static final Set<String> ORDER_AWAITING_RESPONSE = Set.of("ISSUED", "RETURNED");
    public static final String STATUS_ACCEPTANCE_REQUESTED = "ACCEPTANCE_REQUESTED";
    public static final String STATUS_CANCELLED = "CANCELLED";
    /** The status of an accountability case proposed by a trigger. */
    public static final String STATUS_PROPOSED = "PROPOSED";

    // Actions of status-changed events.
    public static final String ACTION_REJECT = "REJECT";
    public static final String ACTION_RETURN = "RETURN";
    public static final String ACTION_CLOSE = "CLOSE";
    public static final String ACTION_MARK_DUPLICATE = "MARK_DUPLICATE";

    public static final String DECISION_APPROVED = "APPROVED";

    private ProducerEvents() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static Set<String> prefixed(String prefix, String... suffixes) {
        return Arrays.stream(suffixes).map(s -> prefix + s).collect(Collectors.toUnmodifiableSet());
    }
}
