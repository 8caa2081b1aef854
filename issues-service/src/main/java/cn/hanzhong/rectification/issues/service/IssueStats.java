package cn.hanzhong.rectification.issues.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The battle map (挂图督战) and target assessment (目标考核) figures. */
@Schema(name = "IssueStats")
public record IssueStats(long total, Map<String, Long> byStatus, Map<String, Long> byCategory,
                         Map<String, Long> byLeadUnit, Map<String, Long> byDistrict,
                         Map<String, Long> byWarningLight, List<UnitFigures> units,
                         @Schema(description = "The whole programme (every lead unit together)") UnitFigures programme) {

    /**
     * Per lead unit. Signed-off issues without a deadline are counted apart ({@code signedOffWithoutDeadline})
     * and in neither rate. {@code onTimeRate} = signed off by the approved (possibly extended) deadline /
     * (signed off with a deadline + overdue); {@code onTimeRateOriginal} the same against the deadline first
     * given. Null when the denominator is 0.
     */
    @Schema(name = "UnitFigures")
    public record UnitFigures(String unit, String unitName, long assigned, long signedOff,
                              @Schema(description = "Signed off by the approved deadline") long signedOffOnTime,
                              @Schema(description = "Signed off by the deadline first given") long signedOffOnTimeOriginal,
                              @Schema(description = "Signed off, never given a deadline") long signedOffWithoutDeadline,
                              long overdue, Double onTimeRate, Double onTimeRateOriginal) {

        static Double rate(long onTime, long signedOffWithDeadline, long overdue) {
            long of = signedOffWithDeadline + overdue;
            return of == 0 ? null : Math.round(10000.0 * onTime / of) / 10000.0;
        }
    }
}
