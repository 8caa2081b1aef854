package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.notification.domain.ItemKind;
import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.domain.Notification;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Notification")
public record NotificationResponse(long id, String recipient, NoticeKind kind, String kindLabel, ItemKind itemKind,
                                   UUID itemId, String itemCode, String title, String body, LocalDate deadline,
                                   OffsetDateTime createdAt, boolean read) {

    static NotificationResponse of(Notification n) {
        return new NotificationResponse(n.id, n.recipient, n.kind, n.kind.label(), n.itemKind, n.itemId, n.itemCode,
                n.title, n.body, n.deadline, n.createdAt, n.readAt != null);
    }
}
