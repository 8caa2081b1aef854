package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Channel;
import cn.hanzhong.rectification.petitions.domain.District;
import cn.hanzhong.rectification.petitions.domain.PollutionType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** One forwarded case of a batch. */
@Schema(name = "PetitionCase")
public record PetitionCase(
        @Schema(description = "受理编号", examples = "X610700202106010001") @NotBlank @Size(max = 40)
        @Pattern(regexp = "[A-Za-z0-9_-]+", message = "may contain only letters, digits, - and _") String caseNumber,
        @NotNull LocalDate receivedAt,
        @NotNull Channel channel,
        Boolean priority,
        @Valid ReporterDto reporter,
        @Schema(description = "交办问题基本情况") @NotBlank @Size(max = 20000) String content,
        @Size(max = 500) String location,
        @Schema(description = "行政区域") @NotNull District district,
        @Schema(description = "污染类型") @NotEmpty List<@NotNull PollutionType> pollutionTypes,
        @Schema(description = "Lead unit code, if the team named one", examples = "HTQ") @Size(max = 40) String leadUnit,
        List<@NotBlank @Size(max = 40) String> cooperatingUnits) {
}
