package cn.hanzhong.rectification.accountability.event;

import java.util.Set;

/**
 * The producers' event types and status codes this service reads (from {@code deploy/events.md} and
 * the contract fixtures under {@code deploy/contracts/events}); any other type is ignored.
 */
public final class ProducerEvents {

    public static final String ISSUES = "rectification.issues";
    public static final String PETITIONS = "rectification.petitions";

    public static final String ISSUE_OVERDUE = "issue.overdue";
    /** The units directory, on the issues topic (key = unit code). */
    public static final String UNIT_REGISTERED = "unit.registered";
    public static final String UNIT_CHANGED = "unit.changed";
    public static final String ISSUE_DEADLINE_CHANGED = "issue.deadline-changed";
    public static final String ISSUE_SIGNED_OFF = "issue.signed-off";
    public static final String ISSUE_STATUS_CHANGED = "issue.status-changed";
    public static final String ISSUE_REOPENED = "issue.reopened";
    /** A look-back check found the rectification fake or superficial (the issue was reopened with it). */
    public static final String ISSUE_PAPER_RECTIFICATION = "issue.paper-rectification-found";
    /** The reopening that accompanies it; the paper-rectification event proposes the case. */
    public static final String ACTION_LOOK_BACK_PAPER = "LOOK_BACK_PAPER_RECTIFICATION";
    public static final String PETITION_CONCLUDED = "petition.concluded";

    /** Every issue event updates the projection; these are the ones published today. */
    /** Supervision orders (督办单), on the issues topic (key = order id): overdue, or returned again and again. */
    public static final String ORDER_PREFIX = "supervision-order.";
    public static final String ORDER_OVERDUE = "supervision-order.overdue";
    public static final String ORDER_RETURNED = "supervision-order.returned";
    public static final Set<String> ISSUE_TYPES = Set.of("issue.registered", "issue.assigned", ISSUE_STATUS_CHANGED,
            ISSUE_DEADLINE_CHANGED, "issue.progress-reported", ISSUE_SIGNED_OFF, ISSUE_REOPENED, ISSUE_PAPER_RECTIFICATION, ISSUE_OVERDUE,
            UNIT_REGISTERED, UNIT_CHANGED, ORDER_OVERDUE, ORDER_RETURNED);
    public static final Set<String> PETITION_TYPES = Set.of("petition.received", "petition.assigned",
            "petition.status-changed", PETITION_CONCLUDED, "petition.reopened", "petition.deadline-changed", "petition.overdue");

    /** The issues service's action code for a rejected acceptance. */
    public static final String ACTION_REJECT = "REJECT";
    public static final String STATUS_REGISTERED = "REGISTERED";
    public static final String STATUS_RECEIVED = "RECEIVED";

    private ProducerEvents() {
    }
}
