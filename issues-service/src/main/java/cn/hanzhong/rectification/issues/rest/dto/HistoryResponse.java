package cn.hanzhong.rectification.issues.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** One line of an issue's history. */
@Schema(name = "IssueHistoryEntry")
public record HistoryResponse(long id, OffsetDateTime at, String actor, String actorName, String actorUnit,
                              @Schema(examples = "ASSIGN") String action,
                              @Schema(examples = "deadline") String field,
                              String oldValue, String newValue, String reason) {
}
