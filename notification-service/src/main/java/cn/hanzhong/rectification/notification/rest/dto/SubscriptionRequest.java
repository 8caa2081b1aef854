package cn.hanzhong.rectification.notification.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new webhook subscription: where to push, which notice kinds. */
@Schema(name = "WebhookSubscriptionRequest")
public record SubscriptionRequest(
        @Schema(description = "https URL of the receiver", examples = "https://dc.sxhb.example/hooks/hanzhong")
        @NotBlank @Size(max = 2000) String targetUrl,
        @Schema(description = "Notice kinds to receive; empty or absent: all") List<String> kinds) {
}
