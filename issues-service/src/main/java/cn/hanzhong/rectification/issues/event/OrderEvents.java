package cn.hanzhong.rectification.issues.event;

import cn.hanzhong.rectification.issues.domain.OrderStatus;
import cn.hanzhong.rectification.issues.domain.SupervisionLevel;
import cn.hanzhong.rectification.issues.domain.SupervisionOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Supervision orders' events on {@value IssueEvents#TOPIC} (key = order id): numbers, units, issue ids
 * and dates — never the texts (problem, requirements, response), which stay in the issues service.
 */
public final class OrderEvents {

    public static final String ISSUED = "supervision-order.issued";
    public static final String RESPONDED = "supervision-order.responded";
    public static final String RETURNED = "supervision-order.returned";
    public static final String CLOSED = "supervision-order.closed";
    public static final String WITHDRAWN = "supervision-order.withdrawn";
    public static final String OVERDUE = "supervision-order.overdue";

    private OrderEvents() {
    }

    /** What every order event carries. */
    public record OrderFacts(UUID id, String number, SupervisionLevel level, String unit, List<UUID> issueIds,
                             OrderStatus status, LocalDate dueDate, int returnCount) {
        public static OrderFacts of(SupervisionOrder o) {
            return new OrderFacts(o.id, o.number, o.level, o.unit, List.copyOf(o.issueIds), o.status, o.dueDate, o.returnCount);
        }
    }

    public record OrderChanged(@JsonUnwrapped OrderFacts order) {
    }

    public record OrderOverdue(@JsonUnwrapped OrderFacts order, LocalDate overdueSince) {
    }
}
