package cn.hanzhong.rectification.petitions.rest.dto;

import cn.hanzhong.rectification.petitions.domain.Handling;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** 处理和整改情况: the narrative and the enforcement counts. */
@Schema(name = "Handling")
public record HandlingDto(
        @Size(max = 20000) String narrative,
        @Schema(description = "责令整改") @Min(0) int rectificationOrders,
        @Schema(description = "立案处罚") @Min(0) int penaltyCases,
        @Schema(description = "罚款（元）", examples = "50000.00") @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal finesYuan,
        @Schema(description = "立案侦查") @Min(0) int criminalCases,
        @Schema(description = "拘留") @Min(0) int detentions,
        @Schema(description = "约谈") @Min(0) int talks,
        @Schema(description = "问责人数") @Min(0) int personsHeldAccountable) {

    /** The counts of {@code h} with its narrative as the reader may see it. */
    public static HandlingDto of(Handling h, String narrative) {
        return new HandlingDto(narrative, h.rectificationOrders, h.penaltyCases, h.finesYuan, h.criminalCases,
                h.detentions, h.talks, h.personsHeldAccountable);
    }

    public Handling toDomain() {
        Handling h = new Handling();
        h.narrative = narrative;
        h.rectificationOrders = rectificationOrders;
        h.penaltyCases = penaltyCases;
        h.finesYuan = finesYuan != null ? finesYuan : BigDecimal.ZERO;
        h.criminalCases = criminalCases;
        h.detentions = detentions;
        h.talks = talks;
        h.personsHeldAccountable = personsHeldAccountable;
        return h;
    }
}
