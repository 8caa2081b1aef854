package cn.hanzhong.rectification.petitions.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** One row of the public disclosure table; never the reporter, free text pseudonymised. */
@Schema(name = "PublicPetition")
@JsonPropertyOrder({"caseNumber", "content", "district", "pollutionTypes", "investigation", "finding", "handling",
        "rectificationOrders", "penaltyCases", "finesYuan", "criminalCases", "detentions", "talks",
        "personsHeldAccountable", "accountability", "completion"})
public record PublicPetition(
        @Schema(description = "受理编号") String caseNumber,
        @Schema(description = "交办问题基本情况") String content,
        @Schema(description = "行政区域") String district,
        @Schema(description = "污染类型") String pollutionTypes,
        @Schema(description = "调查核实情况") String investigation,
        @Schema(description = "是否属实") String finding,
        @Schema(description = "处理和整改情况") String handling,
        @Schema(description = "责令整改") int rectificationOrders,
        @Schema(description = "立案处罚") int penaltyCases,
        @Schema(description = "罚款（元）") BigDecimal finesYuan,
        @Schema(description = "立案侦查") int criminalCases,
        @Schema(description = "拘留") int detentions,
        @Schema(description = "约谈") int talks,
        @Schema(description = "问责人数") int personsHeldAccountable,
        @Schema(description = "责任追究情况") String accountability,
        @Schema(description = "是否办结") String completion) {

    /** Chinese column headers of the CSV/XLSX export, in field order. */
    public static final String[] HEADERS = {"受理编号", "交办问题基本情况", "行政区域", "污染类型", "调查核实情况", "是否属实",
            "处理和整改情况", "责令整改", "立案处罚", "罚款（元）", "立案侦查", "拘留", "约谈", "问责人数", "责任追究情况", "是否办结"};

    public Object[] cells() {
        return new Object[] {caseNumber, content, district, pollutionTypes, investigation, finding, handling,
                rectificationOrders, penaltyCases, finesYuan, criminalCases, detentions, talks, personsHeldAccountable,
                accountability, completion};
    }
}
