package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.LookBackOutcome;
import cn.hanzhong.rectification.issues.service.command.DrawLookBack;
import cn.hanzhong.rectification.issues.service.command.RecordLookBackCheck;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The wire shapes of look-backs (回头看) by random sample. */
public final class LookBackDtos {

    private LookBackDtos() {
    }

    @Schema(name = "LookBackRequest", description = "Draw a look-back sample of the signed-off issues")
    public record DrawRequest(
            @Schema(examples = "2026年第四季度整改回头看") @Size(max = 200) String title,
            @Schema(description = "How many issues (or percent)", examples = "10") @Positive @Max(10000) Integer count,
            @Schema(description = "Or this percentage of the population, rounded up", examples = "20")
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal percent,
            @Schema(description = "Strata: DISTRICT and/or CATEGORY; the sample is allocated to them in proportion")
            @Size(max = 2) List<@NotBlank String> stratifyBy,
            @Schema(description = "The seed of the draw; recorded, generated when absent. The same seed and population give the same sample.")
            Long seed,
            @Schema(description = "Only issues signed off on or after this day") LocalDate signedOffFrom,
            @Schema(description = "Only issues signed off on or before this day") LocalDate signedOffTo,
            @Schema(description = "Units that do the checks, in turn; never an issue's own lead unit", examples = "[\"SZGB\"]")
            @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 40) String> checkerUnits,
            @Schema(description = "When the checks are due (or dueWorkingDays)") LocalDate dueDate,
            @Schema(examples = "10") @Positive @Max(250) Integer dueWorkingDays) {

        public DrawLookBack toCommand() {
            return new DrawLookBack(title, count, percent, stratifyBy, seed, signedOffFrom, signedOffTo, checkerUnits, dueDate,
                    dueWorkingDays);
        }
    }

    @Schema(name = "LookBack")
    public record LookBack(UUID id, String title, long seed, Integer requestedCount, BigDecimal requestedPercent, int sampleSize,
                           List<String> stratifyBy, int populationSize,
                           @Schema(description = "SHA-256 over the population as drawn (id TAB stratum LF, in code order)") String populationSha256,
                           LocalDate signedOffFrom, LocalDate signedOffTo, List<String> checkerUnits, LocalDate dueDate,
                           String drawnBy, OffsetDateTime drawnAt, List<Check> checks) {
    }

    @Schema(name = "LookBackCheck")
    public record Check(UUID id, UUID issueId, String issueCode, String checkerUnit, LocalDate dueDate,
                        LookBackOutcome status, String statusLabel, String findings, LocalDate checkedOn, String checkedBy,
                        OffsetDateTime recordedAt) {
    }

    @Schema(name = "LookBackCheckOutcome", description = "What the check found")
    public record OutcomeRequest(
            @Schema(examples = "PAPER_RECTIFICATION") @NotNull LookBackOutcome outcome,
            @Schema(examples = "现场围挡仅在检查当天设置，喷淋设施未接水源") @NotBlank @Size(max = 20000) String findings,
            @Schema(description = "Default today") LocalDate checkedOn,
            @Schema(description = "Evidence files uploaded to the issue") @Size(max = 200) List<UUID> evidenceIds,
            @Schema(description = "RECURRED, PAPER_RECTIFICATION: the reopened issue's new deadline (or deadlineWorkingDays)") LocalDate deadline,
            @Positive @Max(3650) Integer deadlineWorkingDays) {

        public RecordLookBackCheck toCommand() {
            return new RecordLookBackCheck(outcome, findings, checkedOn, evidenceIds, deadline, deadlineWorkingDays);
        }
    }

    @Schema(name = "LookBackVerification", description = "The sample re-drawn from the recorded population and seed")
    public record Verification(UUID lookBackId, long seed, int populationSize,
                               @Schema(description = "The recorded population still hashes to its recorded SHA-256") boolean populationIntact,
                               List<UUID> recorded, List<UUID> redrawn, boolean matches) {
    }

    @Schema(name = "LookBackFigures")
    public record Figures(@Schema(description = "Lead unit or district code") String key, long signedOff, long sampled, long checked,
                          long confirmed, long recurred, long paperRectification,
                          @Schema(description = "sampled / signed off") Double coverage,
                          @Schema(description = "recurred / checked") Double recurrenceRate,
                          @Schema(description = "paper rectification / checked") Double paperRectificationRate) {
    }
}
