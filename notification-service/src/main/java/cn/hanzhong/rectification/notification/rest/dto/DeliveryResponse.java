package cn.hanzhong.rectification.notification.rest.dto;

import cn.hanzhong.rectification.notification.domain.WebhookDelivery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One delivery attempt series of a notice to a subscription. */
@Schema(name = "WebhookDelivery")
public record DeliveryResponse(UUID id, String eventType, String status, int attempts, OffsetDateTime nextAttemptAt,
                               Integer lastStatusCode, String lastError, OffsetDateTime createdAt,
                               OffsetDateTime deliveredAt) {
    public static DeliveryResponse of(WebhookDelivery d) {
        return new DeliveryResponse(d.id, d.eventType, d.status.name(), d.attempts, d.nextAttemptAt, d.lastStatusCode,
                d.lastError, d.createdAt, d.deliveredAt);
    }
}
