package cn.hanzhong.rectification.petitions.event;

import cn.hanzhong.rectification.petitions.domain.Completion;
import cn.hanzhong.rectification.petitions.domain.District;
import cn.hanzhong.rectification.petitions.domain.Finding;
import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.PetitionAction;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The payload records published on {@value #TOPIC} (key = petition id). None carries anything of the
 * reporter: not the name, phone, ID number, address, nor the free text that may contain them.
 */
public final class PetitionEvents {

    public static final String TOPIC = "rectification.petitions";

    public static final String RECEIVED = "petition.received";
    public static final String ASSIGNED = "petition.assigned";
    public static final String STATUS_CHANGED = "petition.status-changed";
    public static final String CONCLUDED = "petition.concluded";
    public static final String REOPENED = "petition.reopened";
    public static final String DEADLINE_CHANGED = "petition.deadline-changed";
    public static final String OVERDUE = "petition.overdue";
    /** A reconciliation with the provincial system finished (key = reconciliation id). */
    public static final String RECONCILIATION_COMPLETED = "petition.reconciliation-completed";

    private PetitionEvents() {
    }

    /** What every petition event carries. */
    public record PetitionFacts(UUID id, String caseNumber, int batch, District district, List<String> pollutionTypes,
                                boolean priority, String leadUnit, List<String> cooperatingUnits, LocalDate deadline,
                                boolean deadlineProvisional, PetitionStatus status) {
        public static PetitionFacts of(Petition p) {
            return new PetitionFacts(p.id, p.caseNumber, p.batchNumber, p.district, List.copyOf(p.pollutionTypes),
                    p.priority, p.leadUnit, List.copyOf(p.cooperatingUnits), p.deadline, p.deadlineProvisional, p.status);
        }
    }

    public record PetitionReceived(@JsonUnwrapped PetitionFacts petition, LocalDate receivedAt) {
    }

    public record PetitionAssigned(@JsonUnwrapped PetitionFacts petition, String deadlineRule) {
    }

    public record PetitionStatusChanged(@JsonUnwrapped PetitionFacts petition, PetitionStatus from, PetitionStatus to,
                                        String action, String actorUnit, String reason) {
    }

    /** The finding and the enforcement counts; the narrative texts stay in the service. */
    public record PetitionConcluded(@JsonUnwrapped PetitionFacts petition, Finding finding, Completion completion,
                                    int rectificationOrders, int penaltyCases, BigDecimal finesYuan, int criminalCases,
                                    int detentions, int talks, int personsHeldAccountable) {
    }

    public record PetitionReopened(@JsonUnwrapped PetitionFacts petition, String cause, int reopenCount) {
    }

    public record PetitionDeadlineChanged(@JsonUnwrapped PetitionFacts petition, LocalDate oldDeadline,
                                          LocalDate newDeadline, String reason) {
    }

    public record PetitionOverdue(@JsonUnwrapped PetitionFacts petition, LocalDate overdueSince) {
    }

    /** Used by the status-changed event for actions that are not {@link PetitionAction}s (feedback). */
    public static final String FEEDBACK_ACTION = "UNSATISFIED_FEEDBACK";

    /** The counts per outcome of a reconciliation by 受理编号; nothing of any petition's content. */
    public record ReconciliationCompleted(UUID id, String source, int matched, int different, int onlyHere, int onlyThere, int invalid,
                                          boolean anythingDiffers) {
    }
}
