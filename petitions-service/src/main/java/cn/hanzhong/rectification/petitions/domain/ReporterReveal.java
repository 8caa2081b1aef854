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

/** The audit record of one reveal of a reporter's personal data: who, when, why. */
@Entity
@Immutable
@Table(name = "reporter_reveal")
public class ReporterReveal {

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

    @Column(nullable = false)
    public String reason;
}
