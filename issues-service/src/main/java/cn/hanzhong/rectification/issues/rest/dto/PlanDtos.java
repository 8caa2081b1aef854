package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.PlanStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The wire shapes of the implementation-plan registry (整改实施方案). */
public final class PlanDtos {

    private PlanDtos() {
    }

    @Schema(name = "ImplementationPlan")
    public record Plan(UUID id, String unit, String unitName, String programme, LocalDate dueDate, PlanStatus status,
                       String statusLabel, @Schema(description = "Owed and past its due date") boolean overdue,
                       List<Submission> submissions) {
    }

    @Schema(name = "ImplementationPlanSubmission")
    public record Submission(int seq, String title, String documentNumber, String publicUrl, String fileName, String fileMediaType,
                             long fileSize, String fileSha256, LocalDate submittedOn, String submittedBy,
                             @Schema(description = "ACCEPT or RETURN, once decided") String decision, String decisionReason,
                             String decidedBy, OffsetDateTime decidedAt) {
    }

    @Schema(name = "ImplementationPlanDecision")
    public record DecisionRequest(@Schema(examples = "RETURN") @NotNull String decision,
                                  @Schema(description = "RETURN: why (required)", examples = "未明确整改时限和责任人") @Size(max = 5000) String reason) {
    }

    @Schema(name = "PublicImplementationPlan", description = "An accepted unit implementation plan, as the public sees it")
    public record PublicPlan(String unit, String unitName, String title, String documentNumber, LocalDate submittedOn,
                             @Schema(description = "Where the unit published it") String publicUrl,
                             @Schema(description = "The plan's file") String fileHref) {
    }
}
