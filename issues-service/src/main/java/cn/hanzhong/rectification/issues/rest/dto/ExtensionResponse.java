package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.ExtensionStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "DeadlineExtension")
public record ExtensionResponse(UUID id, UUID issueId, LocalDate proposedDeadline, LocalDate previousDeadline,
                                String reason, ExtensionStatus status, String requestedBy, String requestedUnit,
                                OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt,
                                String decisionNote) {
}
