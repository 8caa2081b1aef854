package cn.hanzhong.rectification.notification.rest.dto;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The month a bulletin reports on (default: the current month). */
@Schema(name = "DrawBulletinRequest")
public record DrawBulletinRequest(
        @Schema(description = "YYYY-MM; the units that did not report are those of this month", examples = "2026-11")
        @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month as YYYY-MM") String period) {
}
