package cn.hanzhong.rectification.accountability.rest.dto;

import cn.hanzhong.rectification.accountability.service.command.AmendCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Work on a case before its decision; absent lists change nothing. */
@Schema(name = "AccountabilityCaseAmendment")
public record CaseAmendmentRequest(
        @Schema(description = "Why (recorded with every change)", examples = "调查发现分管副局长负有直接责任")
        @NotBlank @Size(max = 5000) String reason,
        @Valid @Size(max = 50) List<SubjectDto> addSubjects,
        @Size(max = 50) List<@NotNull UUID> removeSubjects,
        @Valid @Size(max = 20) List<Citation> addLegalBases,
        @Size(max = 20) List<@NotNull UUID> removeLegalBases,
        @Size(max = 20000) String allegations,
        @Size(max = 100) List<@NotNull UUID> addRelatedIssues,
        @Size(max = 100) List<@NotNull UUID> removeRelatedIssues,
        @Size(max = 100) List<@NotNull UUID> addRelatedPetitions,
        @Size(max = 100) List<@NotNull UUID> removeRelatedPetitions) {

    /** A legal basis of the catalogue and the article relied on. */
    @Schema(name = "LegalBasisCitation")
    public record Citation(@NotNull UUID legalBasisId,
                           @Schema(description = "The article relied on; default the catalogue's", examples = "第七条")
                           @Size(max = 100) String article) {
    }

    public AmendCase toCommand() {
        return new AmendCase(reason, addSubjects == null ? null : addSubjects.stream().map(SubjectDto::toDomain).toList(),
                removeSubjects, addLegalBases == null ? null
                : addLegalBases.stream().map(c -> new AmendCase.Citation(c.legalBasisId(), c.article())).toList(),
                removeLegalBases, allegations, addRelatedIssues, removeRelatedIssues, addRelatedPetitions,
                removeRelatedPetitions);
    }
}
