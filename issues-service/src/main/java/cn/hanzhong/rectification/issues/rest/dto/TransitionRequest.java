package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.service.command.Transition;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A move in an issue's life. Which fields count depends on the action: ASSIGN takes
 * {@code leadUnit}, {@code cooperatingUnits} and {@code deadline} or {@code deadlineWorkingDays};
 * REQUEST_ACCEPTANCE {@code evidence}, {@code selfAssessment} and {@code evidenceIds}; VERIFY {@code checkedOn},
 * {@code checkedBy}, {@code opinion}, {@code passed}; ACCEPT (only an item not for publication) {@code opinion},
 * {@code acceptedBy}, {@code acceptedOn} and a {@code reason}; REJECT and CANCEL a {@code reason}; REOPEN a {@code reason}, a new
 * {@code deadline} or {@code deadlineWorkingDays}, and optionally the {@code progressPercent} it restarts from.
 */
@Schema(name = "TransitionRequest")
public record TransitionRequest(
        @NotNull @Schema(examples = "ASSIGN") IssueAction action,
        @Size(max = 5000) String reason,
        @Schema(examples = "SSTHJJ") String leadUnit,
        @Size(max = 50) List<@NotBlank @Size(max = 40) String> cooperatingUnits,
        @Schema(description = "A fixed deadline (not in the past)") LocalDate deadline,
        @Schema(description = "Or: this many working days from today (PRC calendar with 调休)", examples = "15")
        @Positive @Max(3650) Integer deadlineWorkingDays,
        @Schema(description = "Evidence descriptions (佐证材料)") @Size(max = 20000) String evidence,
        @Schema(description = "Self-assessment of the lead unit (自评)") @Size(max = 5000) String selfAssessment,
        @Schema(description = "REQUEST_ACCEPTANCE: evidence files uploaded to the issue that make up the application's dossier")
        @Size(max = 200) List<UUID> evidenceIds,
        @Schema(description = "VERIFY: the verification's opinion, published with the notice (核查意见); ACCEPT: the acceptance opinion (验收意见)")
        @Size(max = 5000) String opinion,
        @Schema(description = "VERIFY: the on-site check date (default today)") LocalDate checkedOn,
        @Schema(description = "VERIFY: who checked on site (default the caller)") @Size(max = 100) String checkedBy,
        @Schema(description = "VERIFY: whether the check passed (default true); false rejects the application as REJECT does")
        Boolean passed,
        @Schema(description = "Who accepted; defaults to the caller") @Size(max = 100) String acceptedBy,
        @Schema(description = "Acceptance date; defaults to today") LocalDate acceptedOn,
        @Schema(description = "REOPEN: the progress the rectification restarts from (default: the last progress report "
                + "before acceptance, else 0)", examples = "60") @Min(0) @Max(99) Integer progressPercent) {

    public Transition toCommand() {
        return new Transition(action, reason,
                new Transition.Assignment(leadUnit, cooperatingUnits, deadline, deadlineWorkingDays),
                new Transition.Evidence(evidence, selfAssessment, evidenceIds),
                new Transition.Acceptance(opinion, acceptedBy, acceptedOn), progressPercent,
                new Transition.Verification(checkedOn, checkedBy, opinion, passed));
    }
}
