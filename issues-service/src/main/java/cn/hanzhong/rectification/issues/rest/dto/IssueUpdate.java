package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.Approach;
import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.Term;
import cn.hanzhong.rectification.issues.domain.Track;
import cn.hanzhong.rectification.issues.service.command.EditIssue;
import cn.hanzhong.rectification.issues.service.command.IssueContent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** An office edit: only the fields present change. A deadline change needs a {@code reason}. */
@Schema(name = "IssueUpdate")
public record IssueUpdate(
        @Size(min = 1, max = 300) String title,
        @Size(max = 20000) String description,
        Category category,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> districts,
        @Size(max = 5000) String target,
        @Size(max = 5000) String requirements,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> measures,
        Approach approach,
        Track track,
        Term term,
        LocalDate deadline,
        @Valid @Size(max = 20) List<ResponsibleOfficialDto> responsibleOfficials,
        @Size(max = 50) List<@NotBlank @Size(max = 40) String> cooperatingUnits,
        @Schema(description = "Why; required when the deadline changes") @Size(max = 2000) String reason) {

    public EditIssue toCommand() {
        return new EditIssue(new IssueContent(title, description, category, districts, target, requirements, measures,
                approach, track, term, ResponsibleOfficialDto.toDomain(responsibleOfficials)),
                deadline, cooperatingUnits, reason);
    }
}
