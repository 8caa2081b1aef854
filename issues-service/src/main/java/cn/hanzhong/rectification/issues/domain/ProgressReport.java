package cn.hanzhong.rectification.issues.domain;

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

/** A monthly dispatch report (按月调度) of the lead unit on one issue for one period (YYYY-MM). */
@Entity
@Table(name = "progress_report")
public class ProgressReport {

    @Id
    public UUID id;

    @Column(name = "issue_id", nullable = false)
    public UUID issueId;

    @Column(nullable = false)
    public String period;

    public int percent;

    @Column(nullable = false)
    public String narrative;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "completed_measures")
    public List<String> completedMeasures = new ArrayList<>();

    public String difficulties;

    @Column(name = "next_steps")
    public String nextSteps;

    /** A draft may be replaced by a later report for the same period; a final one may not. */
    public boolean draft;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "reported_unit")
    public String reportedUnit;

    /** Whose share it reports: the lead unit's report stands for the issue, a cooperating unit's for its part. */
    public String unit;

    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;

    @Version
    public int version;
}
