package cn.hanzhong.rectification.petitions.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "PetitionHistoryEntry")
public record HistoryResponse(long id, OffsetDateTime at, String actor, String actorName, String actorUnit,
                              String action, String field, String oldValue, String newValue, String reason) {
}
