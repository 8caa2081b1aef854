package cn.hanzhong.rectification.accountability.rest.dto;

import cn.hanzhong.rectification.accountability.domain.ReviewOutcome;
import cn.hanzhong.rectification.accountability.domain.Sanction;
import cn.hanzhong.rectification.accountability.service.command.ReviewDecision;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** The outcome of a review or appeal (复核/申诉) of the decision on one subject. */
@Schema(name = "CaseReviewRequest")
public record ReviewRequest(@NotNull UUID subjectId, @NotNull ReviewOutcome outcome,
                            @Schema(description = "The new sanction, for CHANGED") Sanction sanction,
                            @Schema(examples = "中共汉中市纪委监委") @NotBlank @Size(max = 200) String decidingBody,
                            @Schema(description = "文号 of the review decision", examples = "汉纪复〔2022〕3号")
                            @NotBlank @Size(max = 100) String documentNumber,
                            @NotNull LocalDate date,
                            @Size(max = 5000) String reason) {

    public ReviewDecision toCommand() {
        return new ReviewDecision(subjectId, outcome, sanction, decidingBody, documentNumber, date, reason);
    }
}
