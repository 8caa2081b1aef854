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

/** The check of one sampled issue by a unit other than its lead unit, and what it found. */
@Entity
@Table(name = "look_back_check")
public class LookBackCheck {

    @Id
    public UUID id;

    @Column(name = "look_back_id", nullable = false)
    public UUID lookBackId;

    @Column(name = "issue_id", nullable = false)
    public UUID issueId;

    @Column(name = "checker_unit", nullable = false)
    public String checkerUnit;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LookBackOutcome status;

    public String findings;

    @Column(name = "checked_on")
    public LocalDate checkedOn;

    @Column(name = "checked_by")
    public String checkedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Version
    public int version;
}
