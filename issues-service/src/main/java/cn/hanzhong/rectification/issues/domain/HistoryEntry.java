package cn.hanzhong.rectification.issues.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One append-only line of an issue's history: what changed, from what to what, who, when, why. */
@Entity
@Immutable
@Table(name = "issue_history")
public class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "issue_id", nullable = false)
    public UUID issueId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "actor_unit")
    public String actorUnit;

    /** REGISTERED, UPDATED, an {@link IssueAction} code, PROGRESS_REPORTED, EXTENSION_REQUESTED, ... */
    @Column(nullable = false)
    public String action;

    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    public String reason;
}
