package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.UnitKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnitRequest")
public record UnitRequest(
        @Schema(examples = "SGAJ") @NotBlank
        @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,39}", message = "must be 2–40 upper-case letters, digits, - or _") String code,
        @Schema(examples = "市公安局") @NotBlank @Size(max = 100) String name,
        @NotNull UnitKind kind) {
}
