package cn.hanzhong.rectification.accountability.rest.dto;

import cn.hanzhong.rectification.accountability.domain.CaseAction;
import cn.hanzhong.rectification.accountability.domain.CaseSource;
import cn.hanzhong.rectification.accountability.domain.CaseStatus;
import cn.hanzhong.rectification.accountability.domain.Review;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(name = "AccountabilityCase")
public record CaseResponse(UUID id, String code, CaseSource source, String sourceLabel, CaseStatus status,
                           String statusLabel, List<UUID> relatedIssues, List<UUID> relatedPetitions, String summary,
                           String allegations, List<LegalBasisResponse> legalBases, List<SubjectDto> subjects,
                           List<DecisionDto> decisions,
                           @Schema(description = "For a cited legal basis (by id), the article relied on") Map<UUID, String> citedArticles,
                           @Schema(description = "Reviews and appeals of decisions (复核/申诉), oldest first") List<Review> reviews,
                           @Schema(description = "What the trigger saw when it proposed the case (days overdue, rejections, "
                                   + "the look-back finding)") Map<String, Object> triggerFacts,
                           boolean disclosable, String disclosure, String closingReason,
                           List<CaseAction> allowedActions, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                           int version) {
}
