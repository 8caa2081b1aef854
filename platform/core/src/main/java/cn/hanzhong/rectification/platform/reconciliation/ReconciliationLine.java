package cn.hanzhong.rectification.platform.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One item of a reconciliation as stored: the columns every service's {@code reconciliation_item} has;
 * each service adds how it names the item (the province's id, its own id and code).
 */
@MappedSuperclass
public abstract class ReconciliationLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "reconciliation_id", nullable = false)
    public UUID reconciliationId;

    /** The row of the province's list; none for ONLY_HERE. */
    @Column(name = "row_number")
    public Integer rowNumber;

    /** MATCHED, DIFFERENT, ONLY_HERE, ONLY_THERE or INVALID. */
    @Column(nullable = false)
    public String outcome;

    @Column(name = "here_status")
    public String hereStatus;

    @Column(name = "there_status")
    public String thereStatus;

    @Column(name = "here_deadline")
    public LocalDate hereDeadline;

    @Column(name = "there_deadline")
    public LocalDate thereDeadline;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> differences = new ArrayList<>();

    public String note;

    /** Takes what the rule found for one item of {@code run}. */
    protected void fill(UUID run, Reconciler.Line line) {
        reconciliationId = run;
        rowNumber = line.rowNumber();
        outcome = line.outcome().name();
        hereStatus = line.hereStatus();
        thereStatus = line.thereStatus();
        hereDeadline = line.hereDeadline();
        thereDeadline = line.thereDeadline();
        differences.addAll(line.differences());
        note = line.note();
    }

    /** This item as the rule's line, named by {@code externalId}, {@code itemId} and {@code code}. */
    protected Reconciler.Line line(String externalId, UUID itemId, String code) {
        return new Reconciler.Line(externalId, rowNumber, itemId, code, Reconciler.Outcome.valueOf(outcome), hereStatus, thereStatus,
                hereDeadline, thereDeadline, List.copyOf(differences), note);
    }
}
