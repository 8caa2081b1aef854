package cn.hanzhong.rectification.accountability.rest.dto;

import cn.hanzhong.rectification.accountability.domain.Decision;
import cn.hanzhong.rectification.accountability.domain.Sanction;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "CaseDecision")
public record DecisionDto(@NotNull UUID subjectId, @NotNull Sanction sanction,
                          @Schema(examples = "中共汉中市纪委监委") @NotBlank @Size(max = 200) String decidingBody,
                          @Schema(description = "文号", examples = "汉纪发〔2021〕12号") @Size(max = 100) String documentNumber,
                          @NotNull LocalDate date) {

    public static DecisionDto of(Decision d) {
        return new DecisionDto(d.subjectId(), d.sanction(), d.decidingBody(), d.documentNumber(), d.date());
    }

    public Decision toDomain() {
        return new Decision(subjectId, sanction, decidingBody, documentNumber, date);
    }
}
