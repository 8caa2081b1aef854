package cn.hanzhong.rectification.petitions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One reconciliation of the petitions with the provincial system's list of what it forwarded, and its counts. */
@Entity
@Table(name = "reconciliation")
public class Reconciliation {

    @Id
    public UUID id;

    /** Where the province's list came from: what the office called it, or the configured URL. */
    @Column(nullable = false)
    public String source;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    public int matched;
    public int different;

    @Column(name = "only_here")
    public int onlyHere;

    @Column(name = "only_there")
    public int onlyThere;

    public int invalid;

    public boolean anythingDiffers() {
        return different + onlyHere + onlyThere + invalid > 0;
    }
}
