package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.ResponsibleOfficial;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A responsible official (整改负责人). */
@Schema(name = "ResponsibleOfficial")
public record ResponsibleOfficialDto(
        @Schema(examples = "王某某") @NotBlank @Size(max = 50) String name,
        @Schema(examples = "市生态环境局局长") @Size(max = 100) String post) {

    public static ResponsibleOfficialDto of(ResponsibleOfficial o) {
        return new ResponsibleOfficialDto(o.name(), o.post());
    }

    /** The officials as the ledger keeps them; {@code null} stays {@code null} (an edit that leaves them). */
    public static List<ResponsibleOfficial> toDomain(List<ResponsibleOfficialDto> dtos) {
        return dtos == null ? null : dtos.stream().map(d -> new ResponsibleOfficial(d.name(), d.post())).toList();
    }
}
