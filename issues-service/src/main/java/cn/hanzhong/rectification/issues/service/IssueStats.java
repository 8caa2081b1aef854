package cn.hanzhong.rectification.issues.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The battle map (挂图督战) and target assessment (目标考核) figures. */
@Schema(name = "IssueStats")
public record IssueStats(long total, Map<String, Long> byStatus, Map<String, Long> byCategory,
                         Map<String, Long> byLeadUnit, Map<String, Long> byDistrict,
                         Map<String, Long> byWarningLight, List<UnitFigures> units) {

    /**
     * Per lead unit. {@code onTimeRate} = signedOffOnTime / (signedOff + overdue), null when both are 0.
     */
    @Schema(name = "UnitFigures")
    public record UnitFigures(String unit, String unitName, long assigned, long signedOff, long signedOffOnTime,
                              long overdue, Double onTimeRate) {
    }
}
