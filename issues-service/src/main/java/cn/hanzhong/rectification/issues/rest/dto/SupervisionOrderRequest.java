package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.SupervisionLevel;
import cn.hanzhong.rectification.issues.service.command.IssueOrder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A supervision order to issue (督办单). */
@Schema(name = "SupervisionOrderRequest")
public record SupervisionOrderRequest(
        @Schema(description = "文号; generated per year when left out", examples = "汉整改督〔2026〕12号") @Size(max = 60) String number,
        @Schema(description = "GENERAL (default), KEY or LISTED") SupervisionLevel level,
        @Schema(description = "The lagging issues, all led by the unit the order goes to") @NotEmpty @Size(max = 50)
        List<@NotNull UUID> issueIds,
        @Schema(description = "The problem found", examples = "扬尘整改进度滞后，连续两月未报送进展") @NotBlank @Size(max = 5000) String problem,
        @Schema(description = "What the unit must do", examples = "10 个工作日内完成整改并书面反馈") @NotBlank @Size(max = 5000) String requirements,
        @Schema(description = "Respond by this date (or give dueWorkingDays)") LocalDate dueDate,
        @Schema(description = "Respond within this many working days from today", examples = "10") @Min(1) @Max(250) Integer dueWorkingDays) {

    public IssueOrder toCommand() {
        return new IssueOrder(number, level, issueIds, problem, requirements, dueDate, dueWorkingDays);
    }
}
