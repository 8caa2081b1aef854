package cn.hanzhong.rectification.accountability.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What this service knows of a petition, from the petitions service's events (never the reporter). */
@Entity
@Table(name = "tracked_petition")
public class TrackedPetition {

    @Id
    public UUID id;

    @Column(name = "case_number", nullable = false)
    public String caseNumber;

    public String district;

    @Column(name = "lead_unit")
    public String leadUnit;

    @Column(nullable = false)
    public String status;

    @Column(name = "persons_held_accountable")
    public int personsHeldAccountable;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
