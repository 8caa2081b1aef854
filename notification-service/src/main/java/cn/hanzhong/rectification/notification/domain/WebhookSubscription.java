package cn.hanzhong.rectification.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A webhook target: URL, notice kinds (empty = all), the signing secret (shown once). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;

    @Column(name = "target_url", nullable = false)
    public String targetUrl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> kinds = new ArrayList<>();

    /** The signing secret, encrypted with the platform cipher (never returned after creation). */
    @Column(name = "secret", nullable = false)
    public String secretStored;

    /** The creator's role: what the subscription may receive ({@link Visibility#webhookReceives}). */
    @Column(name = "owner_role", nullable = false)
    public String ownerRole;

    /** The creator's unit, for a unit's subscription. */
    @Column(name = "owner_unit")
    public String ownerUnit;

    /** A leader's subscription receives nothing until the office approves it. */
    public boolean approved = true;

    public boolean active = true;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;
}
