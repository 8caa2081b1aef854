package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.MeasureStatus;
import cn.hanzhong.rectification.issues.service.command.TrackMeasure;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Measure-by-measure tracking of an issue (整改措施逐项销号). */
public final class MeasureDtos {

    private MeasureDtos() {
    }

    @Schema(name = "MeasureBreakdown", description = "An issue's measures and each unit's part; progressPercent is the lead unit's figure")
    public record Breakdown(UUID issueId, int progressPercent, List<Measure> measures, List<UnitShare> units) {
    }

    @Schema(name = "Measure")
    public record Measure(@Schema(description = "1-based position in the issue's measures") int seq, String text, String ownerUnit,
                          MeasureStatus status, String statusLabel, LocalDate doneOn, String doneBy) {
    }

    @Schema(name = "MeasureUnitShare")
    public record UnitShare(String unit, boolean lead, int measures, int done,
                            @Schema(description = "The unit's last filed report") String lastPeriod, Integer lastPercent) {
    }

    @Schema(name = "MeasureUpdate", description = "Assign a measure (lead unit, office) or mark it DONE (its unit) or PENDING again")
    public record Update(
            @Schema(examples = "HTQ") @Size(max = 40) String ownerUnit,
            @Schema(examples = "DONE") MeasureStatus status,
            @Schema(description = "DONE: when (default today)") LocalDate doneOn,
            @Schema(description = "DONE: evidence files uploaded to the issue") @Size(max = 100) List<UUID> evidenceIds) {

        public TrackMeasure toCommand() {
            return new TrackMeasure(ownerUnit, status, doneOn, evidenceIds);
        }
    }
}
