package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.Approach;
import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.Term;
import cn.hanzhong.rectification.issues.domain.Track;
import cn.hanzhong.rectification.issues.service.command.IssueContent;
import cn.hanzhong.rectification.issues.service.command.RegisterIssue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A new ledger item (or, with an {@code externalId} already known, the provincial system's upsert). */
@Schema(name = "IssueRequest")
public record IssueRequest(
        @Schema(description = "Human code; generated (FK-001, JB-001, XF-001, ZC-001 by source) when absent", examples = "FK-01")
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "may contain only letters, digits, - and _") String code,
        @Schema(description = "Id in the provincial supervision system; makes the POST an idempotent upsert", examples = "SX-DC2-HZ-0001")
        @Size(max = 100) String externalId,
        @NotNull IssueSource source,
        @Schema(examples = "中心城区建筑工地扬尘管控不到位") @NotBlank @Size(max = 300) String title,
        @Schema(description = "The problem as reported (问题描述)") @Size(max = 20000) String description,
        @NotNull Category category,
        @Schema(description = "County-district unit codes", examples = "[\"HTQ\", \"NZQ\"]") @Size(max = 20) List<@NotBlank @Size(max = 40) String> districts,
        @Schema(description = "整改目标") @Size(max = 5000) String target,
        @Schema(description = "整改要求") @Size(max = 5000) String requirements,
        @Schema(description = "整改措施, in order") @Size(max = 50) List<@NotBlank @Size(max = 2000) String> measures,
        Approach approach,
        Track track,
        Term term,
        @Schema(description = "Deadline (整改时限) if already known; usually set on ASSIGN") LocalDate deadline,
        @Valid @Size(max = 20) List<ResponsibleOfficialDto> responsibleOfficials,
        @Schema(description = "Lead unit code if already known; usually set on ASSIGN", examples = "SSTHJJ") String leadUnit,
        @Size(max = 50) List<@NotBlank @Size(max = 40) String> cooperatingUnits) {

    public RegisterIssue toCommand() {
        return new RegisterIssue(code, externalId, source, new IssueContent(title, description, category, districts,
                target, requirements, measures, approach, track, term, ResponsibleOfficialDto.toDomain(responsibleOfficials)),
                deadline, leadUnit, cooperatingUnits);
    }
}
