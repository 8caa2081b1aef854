package cn.hanzhong.rectification.notification.rest.dto;

import cn.hanzhong.rectification.notification.domain.Bulletin;
import cn.hanzhong.rectification.notification.domain.BulletinContent;
import cn.hanzhong.rectification.notification.domain.BulletinKind;
import cn.hanzhong.rectification.notification.domain.BulletinStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A bulletin with its figures; {@code document} is the Word version. */
@Schema(name = "Bulletin")
public record BulletinResponse(UUID id, String period, BulletinKind kind, String kindLabel, BulletinStatus status,
                               String statusLabel, String title,
                               @Schema(description = "文号, once published", examples = "汉整改通〔2026〕3号") String documentNumber,
                               OffsetDateTime createdAt, String createdBy, OffsetDateTime publishedAt, String publishedBy,
                               @Schema(description = "The .docx of this bulletin") String document,
                               BulletinContent content) {

    public static BulletinResponse of(Bulletin b) {
        return new BulletinResponse(b.id, b.period, b.kind, b.kind.label(), b.status, b.status.label(), b.title, b.documentNumber,
                b.createdAt, b.createdBy, b.publishedAt, b.publishedBy, "/api/v1/bulletins/" + b.id + ".docx", b.content);
    }

    /** Without the figures, for lists. */
    public BulletinResponse summary() {
        return new BulletinResponse(id, period, kind, kindLabel, status, statusLabel, title, documentNumber, createdAt, createdBy,
                publishedAt, publishedBy, document, null);
    }
}
