package cn.hanzhong.rectification.issues.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A year's holiday notice as the State Council publishes it (国务院办公厅关于YYYY年部分节假日安排的通知). */
@Schema(name = "CalendarRequest")
public record CalendarRequest(
        @Schema(description = "Every day off (放假), within the year", examples = "[\"2027-01-01\", \"2027-02-06\"]")
        @NotNull @Size(max = 60) List<@NotNull LocalDate> holidays,
        @Schema(description = "Weekend days worked instead (调休上班)", examples = "[\"2027-02-14\"]")
        @NotNull @Size(max = 30) List<@NotNull LocalDate> makeUpWorkdays,
        @Schema(description = "Where the notice comes from", examples = "国办发明电〔2026〕7号") @Size(max = 500) String source) {
}
