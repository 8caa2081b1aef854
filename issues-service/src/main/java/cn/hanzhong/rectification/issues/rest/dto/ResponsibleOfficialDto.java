package cn.hanzhong.rectification.issues.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A responsible official (整改负责人). */
@Schema(name = "ResponsibleOfficial")
public record ResponsibleOfficialDto(
        @Schema(examples = "王某某") @NotBlank @Size(max = 50) String name,
        @Schema(examples = "市生态环境局局长") @Size(max = 100) String post) {
}
