package cn.hanzhong.rectification.issues.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "ProgressReport")
public record ProgressReportResponse(UUID id, UUID issueId, String period, int percent, String narrative,
                                     List<String> completedMeasures, String difficulties, String nextSteps,
                                     boolean draft, String reportedBy, String reportedUnit,
                                     @Schema(description = "Whose share: the lead unit's report stands for the issue") String unit,
                                     OffsetDateTime reportedAt) {
}
