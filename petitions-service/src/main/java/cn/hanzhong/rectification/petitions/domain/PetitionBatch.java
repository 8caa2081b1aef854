package cn.hanzhong.rectification.petitions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A numbered batch (第N批) of petitions forwarded by the inspection team. */
@Entity
@Table(name = "petition_batch")
public class PetitionBatch {

    @Id
    public Integer number;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    /** Deadline rule of the batch: this many working days from assignment. */
    @Column(name = "deadline_working_days", nullable = false)
    public int deadlineWorkingDays;

    public String note;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
