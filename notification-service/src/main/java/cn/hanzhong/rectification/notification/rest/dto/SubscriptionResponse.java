package cn.hanzhong.rectification.notification.rest.dto;

import cn.hanzhong.rectification.notification.domain.WebhookSubscription;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A webhook subscription as its owner and the office see it. */
@Schema(name = "WebhookSubscription")
public record SubscriptionResponse(UUID id, String targetUrl, List<String> kinds, boolean active, String disabledReason,
                                   @Schema(description = "The creator's role, which decides what the subscription receives")
                                   String ownerRole,
                                   @Schema(description = "The creator's unit, for a unit's subscription") String ownerUnit,
                                   @Schema(description = "false for a leader's subscription until the office approves it")
                                   boolean approved,
                                   OffsetDateTime createdAt,
                                   @Schema(description = "The signing secret; returned only when the subscription is created")
                                   String secret) {
    public static SubscriptionResponse of(WebhookSubscription s, String secret) {
        return new SubscriptionResponse(s.id, s.targetUrl, List.copyOf(s.kinds), s.active, s.disabledReason, s.ownerRole,
                s.ownerUnit, s.approved, s.createdAt, secret);
    }
}
