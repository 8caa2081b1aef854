package cn.hanzhong.rectification.issues.event;

import cn.hanzhong.rectification.issues.domain.ImplementationPlan;
import cn.hanzhong.rectification.issues.domain.PlanStatus;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Implementation plans' events on {@value IssueEvents#TOPIC} (key = plan id): a unit owes a plan
 * (required), submitted it, had it accepted or returned, or let its due date pass without one (overdue, once).
 */
public final class PlanEvents {

    public static final String REQUIRED = "implementation-plan.required";
    public static final String SUBMITTED = "implementation-plan.submitted";
    public static final String ACCEPTED = "implementation-plan.accepted";
    public static final String RETURNED = "implementation-plan.returned";
    public static final String OVERDUE = "implementation-plan.overdue";

    private PlanEvents() {
    }

    /** What every plan event carries; {@code title} and {@code documentNumber} are those of the latest submission. */
    public record PlanFacts(UUID id, String unit, String programme, LocalDate dueDate, PlanStatus status, int submissions,
                            String title, String documentNumber) {
        public static PlanFacts of(ImplementationPlan p, String title, String documentNumber) {
            return new PlanFacts(p.id, p.unit, p.programme, p.dueDate, p.status, p.submissions, title, documentNumber);
        }
    }
}
