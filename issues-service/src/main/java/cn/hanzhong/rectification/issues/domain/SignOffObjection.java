package cn.hanzhong.rectification.issues.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An objection of the public to a sign-off in notice. The contact is personal data: stored encrypted
 * ({@link #contactCipher}), shown masked, never in an event or a log; the client address only as a
 * keyed hash, for the rate limit.
 */
@Entity
@Table(name = "sign_off_objection")
public class SignOffObjection {

    @Id
    public UUID id;

    @Column(name = "notice_id", nullable = false)
    public UUID noticeId;

    @Column(nullable = false)
    public String text;

    @Column(name = "contact_cipher")
    public String contactCipher;

    @Column(name = "contact_masked")
    public String contactMasked;

    @Column(name = "client_hash", nullable = false)
    public String clientHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObjectionStatus status;

    public String reply;

    @Column(name = "ruled_by")
    public String ruledBy;

    @Column(name = "ruled_at")
    public OffsetDateTime ruledAt;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Version
    public int version;
}
