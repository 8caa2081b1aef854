package cn.hanzhong.rectification.issues.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The public notice of an item's sign-off (销号公示) after the office's verification, open from
 * {@link #startsOn} to {@link #endsOn} (N working days) for objections.
 */
@Entity
@Table(name = "sign_off_notice")
public class SignOffNotice {

    @Id
    public UUID id;

    @Column(name = "issue_id", nullable = false)
    public UUID issueId;

    /** The application for acceptance it answers (the issue's acceptance round). */
    public int round;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoticeStatus status;

    @Column(name = "verified_on", nullable = false)
    public LocalDate verifiedOn;

    @Column(name = "verified_by", nullable = false)
    public String verifiedBy;

    /** The verification's result, published. */
    @Column(nullable = false)
    public String opinion;

    /** The measures taken, published. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> measures = new ArrayList<>();

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    /** The last day of the window. */
    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "working_days", nullable = false)
    public int workingDays;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Version
    public int version;

    public boolean acceptsObjectionsOn(LocalDate day) {
        return status == NoticeStatus.OPEN && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
