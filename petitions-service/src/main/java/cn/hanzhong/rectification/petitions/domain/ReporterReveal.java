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

/** The audit record of one attempt to reveal a reporter's personal data: who, when, which case, why, outcome. */
@Entity
@Immutable
@Table(name = "reporter_reveal")
public class ReporterReveal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The petition whose reporter was asked for (null when no such petition exists). */
    @Column(name = "petition_id")
    public UUID petitionId;

    /** The id the caller asked for. */
    @Column(name = "requested_id")
    public UUID requestedId;

    @Column(name = "case_number")
    public String caseNumber;

    /** ALLOWED or DENIED. */
    @Column(nullable = false)
    public String outcome;

    @Column(name = "actor_roles")
    public String actorRoles;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_name")
    public String actorName;

    @Column(nullable = false)
    public String reason;
}
