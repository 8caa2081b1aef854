package cn.hanzhong.rectification.platform.history;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.OffsetDateTime;

/**
 * One append-only line of an aggregate's history: what changed (field, old → new), who (subject,
 * name, unit), when, and why. Each service maps a table of its own by extending this class with the
 * column that points at its aggregate.
 */
@MappedSuperclass
public abstract class ChangeLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "actor_unit")
    public String actorUnit;

    /** What was done: a transition code, UPDATED, REGISTERED, ... */
    @Column(nullable = false)
    public String action;

    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    public String reason;
}
