package cn.hanzhong.rectification.notification.domain;

import cn.hanzhong.rectification.platform.security.Roles;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who receives a notice, defined once for every channel (inbox, live stream, webhooks).
 *
 * <p><b>Audience</b> — the recipients a notice is addressed to, by kind:
 * <table>
 *   <tr><th>kind</th><th>addressed to</th></tr>
 *   <tr><td>ASSIGNED, REMINDER, DUE_TODAY, DEADLINE_CHANGED, REJECTED, RETURNED, SIGNED_OFF, REOPENED,
 *       CLOSED, CANCELLED, MARKED_DUPLICATE</td><td>the item's units (lead and cooperating)</td></tr>
 *   <tr><td>OVERDUE</td><td>the lead unit and the office</td></tr>
 *   <tr><td>ESCALATION</td><td>the office and leaders</td></tr>
 *   <tr><td>ACCEPTANCE_REQUESTED, CONCLUDED, EXTENSION_REQUESTED, MONTHLY_REPORT_MISSING, CALENDAR_MISSING</td><td>the office</td></tr>
 *   <tr><td>EXTENSION_DECIDED, MONTHLY_REPORT_DUE</td><td>the lead unit</td></tr>
 *   <tr><td>ACCOUNTABILITY_PROPOSED</td><td>the office and discipline bodies</td></tr>
 *   <tr><td>SUPERVISION_ORDER_ISSUED, SUPERVISION_ORDER_RETURNED</td><td>the unit the order is addressed to</td></tr>
 *   <tr><td>SUPERVISION_ORDER_RESPONDED</td><td>the office</td></tr>
 *   <tr><td>SUPERVISION_ORDER_OVERDUE</td><td>the unit addressed and the office</td></tr>
 *   <tr><td>PLAN_SUBMITTED</td><td>the office</td></tr>
 *   <tr><td>PLAN_RETURNED</td><td>the unit whose plan it is</td></tr>
 *   <tr><td>PLAN_OVERDUE</td><td>the unit and the office</td></tr>
 *   <tr><td>RECONCILIATION_DIFFERENCES</td><td>the office</td></tr>
 *   <tr><td>BULLETIN_PUBLISHED</td><td>every unit of the directory, the office, leaders and discipline bodies (a
 *       bulletin is circulated to all)</td></tr>
 * </table>
 *
 * <p><b>Readers</b> — a person's inbox and stream hold the notices addressed to their unit (role
 * {@code unit}) or to their role (office, discipline, leader). A webhook subscription receives, by
 * its creator's role: {@code office} every notice; {@code province} notices about issues, petitions,
 * supervision orders and published bulletins (never accountability cases); {@code discipline} notices about accountability cases and those
 * addressed to discipline; {@code unit} the notices addressed to its unit; {@code leader} every notice,
 * once the office approved the subscription. Each is what the reader may read through the owning
 * service's REST API.
 */
public final class Visibility {

    /** The parties a notice may be addressed to. */
    public enum Party { ITEM_UNITS, LEAD_UNIT, OFFICE, LEADER, DISCIPLINE }

    public static final String OFFICE = Roles.OFFICE;
    public static final String LEADER = Roles.LEADER;
    public static final String DISCIPLINE = Roles.DISCIPLINE;

    private static final Map<NoticeKind, Set<Party>> AUDIENCE = new EnumMap<>(NoticeKind.class);

    static {
        for (NoticeKind k : List.of(NoticeKind.ASSIGNED, NoticeKind.REMINDER, NoticeKind.DUE_TODAY, NoticeKind.DEADLINE_CHANGED,
                NoticeKind.REJECTED, NoticeKind.RETURNED, NoticeKind.SIGNED_OFF, NoticeKind.REOPENED, NoticeKind.CLOSED,
                NoticeKind.CANCELLED, NoticeKind.MARKED_DUPLICATE)) {
            AUDIENCE.put(k, Set.of(Party.ITEM_UNITS));
        }
        AUDIENCE.put(NoticeKind.OVERDUE, Set.of(Party.LEAD_UNIT, Party.OFFICE));
        AUDIENCE.put(NoticeKind.ESCALATION, Set.of(Party.OFFICE, Party.LEADER));
        for (NoticeKind k : List.of(NoticeKind.ACCEPTANCE_REQUESTED, NoticeKind.CONCLUDED, NoticeKind.EXTENSION_REQUESTED,
                NoticeKind.MONTHLY_REPORT_MISSING, NoticeKind.CALENDAR_MISSING)) {
            AUDIENCE.put(k, Set.of(Party.OFFICE));
        }
        AUDIENCE.put(NoticeKind.EXTENSION_DECIDED, Set.of(Party.LEAD_UNIT));
        AUDIENCE.put(NoticeKind.MONTHLY_REPORT_DUE, Set.of(Party.LEAD_UNIT));
        AUDIENCE.put(NoticeKind.ACCOUNTABILITY_PROPOSED, Set.of(Party.OFFICE, Party.DISCIPLINE));
        AUDIENCE.put(NoticeKind.SUPERVISION_ORDER_ISSUED, Set.of(Party.LEAD_UNIT));
        AUDIENCE.put(NoticeKind.SUPERVISION_ORDER_RETURNED, Set.of(Party.LEAD_UNIT));
        AUDIENCE.put(NoticeKind.SUPERVISION_ORDER_RESPONDED, Set.of(Party.OFFICE));
        AUDIENCE.put(NoticeKind.SUPERVISION_ORDER_OVERDUE, Set.of(Party.LEAD_UNIT, Party.OFFICE));
        AUDIENCE.put(NoticeKind.PLAN_SUBMITTED, Set.of(Party.OFFICE));
        AUDIENCE.put(NoticeKind.PLAN_RETURNED, Set.of(Party.LEAD_UNIT));
        AUDIENCE.put(NoticeKind.PLAN_OVERDUE, Set.of(Party.LEAD_UNIT, Party.OFFICE));
        AUDIENCE.put(NoticeKind.RECONCILIATION_DIFFERENCES, Set.of(Party.OFFICE));
        AUDIENCE.put(NoticeKind.BULLETIN_PUBLISHED, Set.of(Party.ITEM_UNITS, Party.OFFICE, Party.LEADER, Party.DISCIPLINE));
        for (NoticeKind k : NoticeKind.values()) {
            if (!AUDIENCE.containsKey(k)) {
                throw new ExceptionInInitializerError("No audience for " + k);
            }
        }
    }

    private Visibility() {
    }

    public static Set<Party> audience(NoticeKind kind) {
        return AUDIENCE.get(kind);
    }

    /** The recipients (unit codes, then roles) a notice of {@code kind} about {@code item} is addressed to. */
    public static List<String> recipients(NoticeKind kind, TrackedItem item) {
        Set<Party> parties = AUDIENCE.get(kind);
        List<String> to = new ArrayList<>();
        if (parties.contains(Party.ITEM_UNITS)) {
            to.addAll(item.units());
        } else if (parties.contains(Party.LEAD_UNIT) && item.leadUnit != null) {
            to.add(item.leadUnit);
        }
        if (parties.contains(Party.OFFICE)) {
            to.add(OFFICE);
        }
        if (parties.contains(Party.LEADER)) {
            to.add(LEADER);
        }
        if (parties.contains(Party.DISCIPLINE)) {
            to.add(DISCIPLINE);
        }
        return to;
    }

    /** The recipients whose notices a person reads in the inbox and the stream. */
    public static List<String> readsAs(Set<String> roles, Optional<String> unit) {
        List<String> r = new ArrayList<>();
        if (roles.contains(Roles.UNIT)) {
            unit.ifPresent(r::add);
        }
        for (String role : List.of(OFFICE, DISCIPLINE, LEADER)) {
            if (roles.contains(role)) {
                r.add(role);
            }
        }
        return r;
    }

    /** Whether a subscription created by {@code ownerRole} (of {@code ownerUnit}) receives this notice. */
    public static boolean webhookReceives(String ownerRole, String ownerUnit, boolean approved, ItemKind itemKind,
                                          List<String> recipients) {
        return switch (ownerRole) {
            case Roles.OFFICE -> true;
            case Roles.PROVINCE -> itemKind == ItemKind.ISSUE || itemKind == ItemKind.PETITION
                    || itemKind == ItemKind.SUPERVISION_ORDER || itemKind == ItemKind.BULLETIN;
            case Roles.DISCIPLINE -> itemKind == ItemKind.CASE || recipients.contains(DISCIPLINE);
            case Roles.UNIT -> ownerUnit != null && recipients.contains(ownerUnit);
            case Roles.LEADER -> approved;
            default -> false;
        };
    }

    /** Whether the subscriber may read free text (reasons) and the recipient list: the office only. */
    public static boolean readsDetail(String ownerRole) {
        return Roles.OFFICE.equals(ownerRole);
    }
}
