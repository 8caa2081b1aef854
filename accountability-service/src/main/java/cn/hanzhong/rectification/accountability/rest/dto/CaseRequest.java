package cn.hanzhong.rectification.accountability.rest.dto;

import cn.hanzhong.rectification.accountability.domain.CaseSource;
import cn.hanzhong.rectification.accountability.service.command.OpenCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A case opened by hand. Related issues and petitions must be known to this service. */
@Schema(name = "AccountabilityCaseRequest")
public record CaseRequest(@NotNull CaseSource source,
                          @NotBlank @Size(max = 5000) String summary,
                          @Size(max = 20000) String allegations,
                          List<@NotNull UUID> relatedIssues,
                          List<@NotNull UUID> relatedPetitions,
                          @Schema(description = "Ids of legal-basis catalogue entries") List<@NotNull UUID> legalBases,
                          @Valid @NotEmpty @Size(max = 50) List<SubjectDto> subjects) {

    public OpenCase toCommand() {
        return new OpenCase(source, summary, allegations, relatedIssues, relatedPetitions, legalBases,
                subjects.stream().map(SubjectDto::toDomain).toList());
    }
}
