package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.service.command.ReportProgress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** A monthly dispatch report (按月调度). */
@Schema(name = "ProgressReportRequest")
public record ProgressReportRequest(
        @Schema(examples = "2021-10") @NotNull
        @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month as YYYY-MM") String period,
        @Schema(examples = "40") @NotNull @Min(0) @Max(100) Integer percent,
        @Schema(description = "What was done this period") @NotBlank @Size(max = 20000) String narrative,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> completedMeasures,
        @Size(max = 5000) String difficulties,
        @Size(max = 5000) String nextSteps,
        @Schema(description = "A draft can be replaced by a later report for the same period") Boolean draft,
        @Schema(description = "Evidence files uploaded to the issue (POST /api/v1/issues/{id}/evidence) that go with the report; "
                + "submitted with a final report, kept with a draft") @Size(max = 100) List<UUID> evidenceIds) {

    public ReportProgress toCommand() {
        return new ReportProgress(YearMonth.parse(period), percent, narrative, completedMeasures, difficulties, nextSteps,
                Boolean.TRUE.equals(draft), evidenceIds);
    }
}
