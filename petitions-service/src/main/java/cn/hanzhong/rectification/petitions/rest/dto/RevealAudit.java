package cn.hanzhong.rectification.petitions.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "ReporterRevealAudit")
public record RevealAudit(long id, UUID petitionId, String caseNumber, OffsetDateTime at, String actor,
                          String actorName, String actorRoles, String reason,
                          @Schema(description = "ALLOWED or DENIED") String outcome) {
}
