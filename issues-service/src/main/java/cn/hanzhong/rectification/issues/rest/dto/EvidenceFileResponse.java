package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.EvidenceRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "EvidenceFile", description = "A file of an issue's dossier (一案一档)")
public record EvidenceFileResponse(
        UUID id, UUID issueId,
        @Schema(description = "The record it was filed with; absent for a loose draft") EvidenceRecord recordKind,
        @Schema(description = "材料类别") String recordLabel,
        @Schema(description = "The record: a progress report's id, acceptance-<round>, <order id>/<response round>") String recordId,
        @Schema(description = "DRAFT (may be replaced or removed) or SUBMITTED (kept for good)", examples = "SUBMITTED") String status,
        @Schema(description = "The name it came with; never used as a path", examples = "整改现场照片.jpg") String originalName,
        String description,
        @Schema(description = "Told from the content", examples = "image/jpeg") String mediaType,
        long sizeBytes,
        @Schema(description = "Hex SHA-256 of the content, its address in the store and its ETag") String sha256,
        String uploadedBy, String uploadedUnit, OffsetDateTime uploadedAt, OffsetDateTime submittedAt,
        @Schema(description = "Where to download it") String href) {
}
