package cn.hanzhong.rectification.accountability.rest.dto;

import cn.hanzhong.rectification.accountability.domain.CaseAction;
import cn.hanzhong.rectification.accountability.domain.CaseSource;
import cn.hanzhong.rectification.accountability.domain.CaseStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "AccountabilityCase")
public record CaseResponse(UUID id, String code, CaseSource source, String sourceLabel, CaseStatus status,
                           String statusLabel, List<UUID> relatedIssues, List<UUID> relatedPetitions, String summary,
                           String allegations, List<LegalBasisResponse> legalBases, List<SubjectDto> subjects,
                           List<DecisionDto> decisions, boolean disclosable, String disclosure, String closingReason,
                           List<CaseAction> allowedActions, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                           int version) {
}
