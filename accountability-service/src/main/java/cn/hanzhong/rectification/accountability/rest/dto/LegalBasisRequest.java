package cn.hanzhong.rectification.accountability.rest.dto;

import cn.hanzhong.rectification.accountability.domain.LegalBasisKind;
import cn.hanzhong.rectification.accountability.service.command.AddLegalBasis;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LegalBasisRequest")
public record LegalBasisRequest(
        @Schema(examples = "CPC-DISC-29") @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,40}", message = "must be 2–40 of A-Z, 0-9, -") String code,
        @Schema(examples = "中国共产党纪律处分条例") @NotBlank @Size(max = 200) String title,
        @Schema(examples = "第二十九条") @Size(max = 100) String article,
        @NotBlank @Size(max = 5000) String situation,
        @NotNull LegalBasisKind kind) {

    public AddLegalBasis toCommand() {
        return new AddLegalBasis(code, title, article, situation, kind);
    }
}
