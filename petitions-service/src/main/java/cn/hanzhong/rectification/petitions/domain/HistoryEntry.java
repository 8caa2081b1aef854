package cn.hanzhong.rectification.petitions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One append-only line of a petition's history. Never holds reporter data. */
@Entity
@Immutable
@Table(name = "petition_history")
public class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "petition_id", nullable = false)
    public UUID petitionId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "actor_unit")
    public String actorUnit;

    @Column(nullable = false)
    public String action;

    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    public String reason;
}
