package cn.hanzhong.rectification.platform.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One reconciliation with the province's list and its counts per outcome: the columns every service's
 * {@code reconciliation} table has (each service maps its own entity onto its own table).
 */
@MappedSuperclass
public abstract class ReconciliationRun {

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

    /** A new run: its id, what it was given (at most 500 characters; "file" when blank), by whom and when; the counts of {@code result}. */
    public void start(String source, String startedBy, OffsetDateTime at, Reconciler.Result result) {
        this.id = UUID.randomUUID();
        this.source = source == null || source.isBlank() ? "file" : source.length() > 500 ? source.substring(0, 500) : source;
        this.startedBy = startedBy;
        this.startedAt = at;
        this.matched = result.count(Reconciler.Outcome.MATCHED);
        this.different = result.count(Reconciler.Outcome.DIFFERENT);
        this.onlyHere = result.count(Reconciler.Outcome.ONLY_HERE);
        this.onlyThere = result.count(Reconciler.Outcome.ONLY_THERE);
        this.invalid = result.count(Reconciler.Outcome.INVALID);
    }
}
