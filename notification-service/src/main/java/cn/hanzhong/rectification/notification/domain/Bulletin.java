package cn.hanzhong.rectification.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A bulletin (情况通报): its figures are frozen in {@link #content} when it is drawn. */
@Entity
@Table(name = "bulletin")
public class Bulletin {

    @Id
    public UUID id;

    /** The month it reports on (YYYY-MM). */
    @Column(nullable = false)
    public String period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BulletinKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BulletinStatus status;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public BulletinContent content;

    @Column(name = "number_year")
    public Integer numberYear;

    public Integer number;

    /** 文号, e.g. 汉整改通〔2026〕3号. */
    @Column(name = "document_number")
    public String documentNumber;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_by")
    public String publishedBy;
}
