package cn.hanzhong.rectification.accountability.rest.dto;

import cn.hanzhong.rectification.accountability.domain.Subject;
import cn.hanzhong.rectification.accountability.domain.SubjectKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A subject of a case; {@code id} is assigned by the service and used by decisions. */
@Schema(name = "CaseSubject")
public record SubjectDto(@Schema(readOnly = true) UUID id, @NotNull SubjectKind kind,
                         @Schema(examples = "张某某") @NotBlank @Size(max = 100) String name,
                         @Schema(examples = "某县生态环境分局局长") @Size(max = 200) String post,
                         @Schema(description = "Unit code", examples = "CGX") @Size(max = 40) String unit,
                         @Schema(description = "Rank band: BUREAU 厅局级, COUNTY 县处级, TOWNSHIP 乡科级, OTHER 其他 (code or label; answered as the code)", examples = "TOWNSHIP") @Size(max = 40) String rankLevel) {

    public static SubjectDto of(Subject s) {
        return new SubjectDto(s.id(), s.kind(), s.name(), s.post(), s.unit(), s.rankLevel());
    }

    public Subject toDomain() {
        return new Subject(id, kind, name, post, unit, rankLevel);
    }
}
