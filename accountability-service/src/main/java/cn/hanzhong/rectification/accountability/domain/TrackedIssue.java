package cn.hanzhong.rectification.accountability.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What this service knows of a ledger issue, from the issues service's events. */
@Entity
@Table(name = "tracked_issue")
public class TrackedIssue {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    public String title;

    @Column(name = "lead_unit")
    public String leadUnit;

    public LocalDate deadline;

    @Column(nullable = false)
    public String status;

    @Column(name = "rejection_count")
    public int rejectionCount;

    /** Set by {@code issue.overdue}; cleared when the deadline moves or the issue is signed off. */
    @Column(name = "overdue_since")
    public LocalDate overdueSince;

    /** The officials the ledger names as responsible (整改负责人), as the issue's events carry them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "responsible_officials")
    public List<ResponsibleOfficial> responsibleOfficials = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
