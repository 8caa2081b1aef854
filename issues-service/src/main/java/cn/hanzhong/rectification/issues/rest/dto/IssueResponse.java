package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.Approach;
import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.DeadlineRule;
import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.Term;
import cn.hanzhong.rectification.issues.domain.Track;
import cn.hanzhong.rectification.issues.domain.WarningLight;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An issue of the ledger as its readers see it. */
@Schema(name = "Issue")
public record IssueResponse(
        UUID id, String code, String externalId, IssueSource source, String title, String description,
        Category category, List<String> districts, String target, String requirements, List<String> measures,
        Approach approach, Track track, Term term,
        LocalDate deadline, DeadlineRule deadlineRule,
        @Schema(description = "The deadline was counted in working days through a year whose holiday notice is not "
                + "published yet; it is recomputed when GET/PUT /api/v1/calendar/{year} gets that year")
        boolean deadlineProvisional,
        List<ResponsibleOfficialDto> responsibleOfficials,
        String leadUnit, List<String> cooperatingUnits,
        int progressPercent, IssueStatus status,
        @Schema(description = "Chinese label of the status") String statusLabel,
        WarningLight warningLight,
        @Schema(description = "Open and past its deadline") boolean overdue,
        LocalDate assignedOn,
        String evidence, String selfAssessment,
        Acceptance acceptance,
        int rejectionCount,
        @Schema(description = "Why it was cancelled") String closingReason,
        @Schema(description = "The actions the caller may take now") List<IssueAction> allowedActions,
        OffsetDateTime createdAt, OffsetDateTime updatedAt,
        @Schema(description = "Optimistic-lock version; also the ETag") int version) {

    /** The sign-off record (验收销号). */
    @Schema(name = "Acceptance")
    public record Acceptance(String acceptedBy, LocalDate acceptedOn, String opinion, OffsetDateTime signedOffAt) {
    }
}
