package cn.hanzhong.rectification.notification.rest.dto;

import cn.hanzhong.rectification.notification.domain.ItemKind;
import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.domain.Notification;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Notification")
public record NotificationResponse(
        long id,
        @Schema(description = "The unit code or role it is addressed to") String recipient,
        NoticeKind kind,
        @Schema(description = "The kind with its stage: REMINDER_3, ESCALATION_30, …", examples = "REMINDER_3") String code,
        @Schema(description = "Working days before the deadline (REMINDER) or days overdue (ESCALATION)") Integer stage,
        String kindLabel, ItemKind itemKind, UUID itemId, String itemCode, String title, String body,
        @Schema(description = "Free text from the change (a reason), with personal data pseudonymised") String detail,
        LocalDate deadline,
        @Schema(description = "The deadline is provisional: its year's holiday notice was not loaded when it was counted")
        boolean deadlineProvisional,
        OffsetDateTime createdAt,
        @Schema(description = "Whether the caller (not their unit) has read it") boolean read) {

    public static NotificationResponse of(Notification n, boolean read) {
        return new NotificationResponse(n.id, n.recipient, n.kind, n.code(), n.stage, n.kind.label(n.stage), n.itemKind,
                n.itemId, n.itemCode, n.title, n.body, n.detail, n.deadline, n.deadlineProvisional, n.createdAt, read);
    }
}
