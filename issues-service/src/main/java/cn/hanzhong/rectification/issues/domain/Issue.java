package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.search.SearchGrams;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A feedback issue of the rectification ledger (整改台账). */
@Entity
@Table(name = "issue")
public class Issue {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "external_id", unique = true)
    public String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IssueSource source;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> districts = new ArrayList<>();

    public String target;

    public String requirements;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> measures = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Approach approach;

    @Enumerated(EnumType.STRING)
    public Track track;

    @Enumerated(EnumType.STRING)
    public Term term;

    public LocalDate deadline;

    /** The deadline first given (registration or first assignment); extensions and reopening leave it. */
    @Column(name = "original_deadline")
    public LocalDate originalDeadline;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "deadline_rule")
    public DeadlineRule deadlineRule;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "responsible_officials")
    public List<ResponsibleOfficial> responsibleOfficials = new ArrayList<>();

    @Column(name = "lead_unit")
    public String leadUnit;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cooperating_units")
    public List<String> cooperatingUnits = new ArrayList<>();

    @Column(name = "progress_percent")
    public int progressPercent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IssueStatus status;

    @Column(name = "assigned_on")
    public LocalDate assignedOn;

    /** The first day progress counts as behind plan (YELLOW); derived, kept for indexed filtering. */
    @Column(name = "behind_from")
    public LocalDate behindFrom;

    public String evidence;

    @Column(name = "self_assessment")
    public String selfAssessment;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "accepted_on")
    public LocalDate acceptedOn;

    @Column(name = "acceptance_opinion")
    public String acceptanceOpinion;

    @Column(name = "rejection_count")
    public int rejectionCount;

    /** How many times acceptance was applied for; the files of each application are filed under its round. */
    @Column(name = "acceptance_round")
    public int acceptanceRound;

    @Column(name = "signed_off_at")
    public OffsetDateTime signedOffAt;

    /** Why the issue was cancelled (重复/合并). */
    @Column(name = "closing_reason")
    public String closingReason;

    /** The deadline for which {@code issue.overdue} was already published. */
    @Column(name = "overdue_notified_for")
    public LocalDate overdueNotifiedFor;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "search_grams")
    public List<String> searchGrams = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;

    /** Whether the deadline was counted through a year without a published holiday notice. */
    public boolean deadlineProvisional() {
        return deadlineRule != null && deadlineRule.provisional();
    }

    /** Marks the issue as changed at {@code at}. */
    public void touch(OffsetDateTime at) {
        updatedAt = at;
    }

    /** Units that see this issue: the lead unit and the cooperating units. */
    public List<String> involvedUnits() {
        List<String> units = new ArrayList<>(cooperatingUnits);
        if (leadUnit != null) {
            units.add(0, leadUnit);
        }
        return units;
    }

    /** Derived columns kept in step with the fields they come from. */
    @PrePersist
    @PreUpdate
    void derive() {
        searchGrams = SearchGrams.of(code, title, description);
        behindFrom = behindFrom(assignedOn, deadline, progressPercent);
    }

    /**
     * Progress is behind plan once the share of the time elapsed since assignment exceeds the share
     * of the work done by more than {@link #BEHIND_TOLERANCE_PERCENT} points.
     */
    static LocalDate behindFrom(LocalDate assignedOn, LocalDate deadline, int percent) {
        if (assignedOn == null || deadline == null || !deadline.isAfter(assignedOn) || percent >= 100) {
            return null;
        }
        long span = ChronoUnit.DAYS.between(assignedOn, deadline);
        double share = Math.min(100, percent + BEHIND_TOLERANCE_PERCENT) / 100.0;
        return assignedOn.plusDays((long) Math.floor(share * span) + 1);
    }

    /** How far progress may trail the elapsed time before the light turns YELLOW. */
    public static final int BEHIND_TOLERANCE_PERCENT = 20;
}
