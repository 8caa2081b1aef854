package cn.hanzhong.rectification.issues.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A request of the lead unit to move an issue's deadline (延期申请), decided by the office. */
@Entity
@Table(name = "deadline_extension")
public class DeadlineExtension {

    @Id
    public UUID id;

    @Column(name = "issue_id", nullable = false)
    public UUID issueId;

    @Column(name = "proposed_deadline", nullable = false)
    public LocalDate proposedDeadline;

    /** The deadline when the request was decided (or made, while pending). */
    @Column(name = "previous_deadline")
    public LocalDate previousDeadline;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExtensionStatus status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_unit")
    public String requestedUnit;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Version
    public int version;
}
