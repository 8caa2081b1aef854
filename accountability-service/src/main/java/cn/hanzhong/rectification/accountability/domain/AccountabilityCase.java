package cn.hanzhong.rectification.accountability.domain;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An accountability case (问责案件). */
@Entity
@Table(name = "accountability_case")
public class AccountabilityCase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseSource source;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "related_issues")
    public List<UUID> relatedIssues = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "related_petitions")
    public List<UUID> relatedPetitions = new ArrayList<>();

    @Column(nullable = false)
    public String summary;

    public String allegations;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "legal_bases")
    public List<UUID> legalBases = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Subject> subjects = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Decision> decisions = new ArrayList<>();

    /** For each cited legal basis (by id), the article relied on when it differs from the catalogue's. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cited_articles")
    public Map<UUID, String> citedArticles = new HashMap<>();

    /** What the trigger saw when it proposed the case (days overdue, rejections, the look-back finding). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "trigger_facts")
    public Map<String, Object> triggerFacts = new HashMap<>();

    /** Reviews and appeals of decisions (复核/申诉), oldest first. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Review> reviews = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    public boolean disclosable;

    public String disclosure;

    @Column(name = "closing_reason")
    public String closingReason;

    @Column(name = "trigger_key", unique = true)
    public String triggerKey;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
