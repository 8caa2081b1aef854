package cn.hanzhong.rectification.issues.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The tracking of one measure of an issue: measure {@link Key#seq} (1-based) of {@link Issue#measures},
 * owned by the lead or a cooperating unit. A measure without a row is PENDING and owned by the lead unit.
 */
@Entity
@Table(name = "issue_measure")
public class IssueMeasure {

    @Embeddable
    public record Key(@Column(name = "issue_id") UUID issueId, @Column(name = "seq") int seq) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** The measure's text when it was last tracked. */
    @Column(nullable = false)
    public String text;

    @Column(name = "owner_unit")
    public String ownerUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeasureStatus status;

    @Column(name = "done_on")
    public LocalDate doneOn;

    @Column(name = "done_by")
    public String doneBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
