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

/** A unit's implementation plan (整改实施方案) for a programme: due, submitted, accepted or returned. */
@Entity
@Table(name = "implementation_plan")
public class ImplementationPlan {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String programme;

    @Column(nullable = false)
    public String unit;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    public int submissions;

    @Column(name = "overdue_notified")
    public boolean overdueNotified;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
