package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.reconciliation.Reconciler;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One item of a reconciliation, by 受理编号: MATCHED, DIFFERENT (status or deadline), ONLY_HERE (a petition
 * the province's list lacks), ONLY_THERE (a case the province forwarded that is not here), INVALID (an
 * unreadable row of the list).
 */
@Entity
@Table(name = "reconciliation_item")
public class ReconciliationItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "reconciliation_id", nullable = false)
    public UUID reconciliationId;

    @Column(name = "case_number", nullable = false)
    public String caseNumber;

    @Column(name = "row_number")
    public Integer rowNumber;

    @Column(name = "petition_id")
    public UUID petitionId;

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

    public static ReconciliationItem of(UUID reconciliationId, Reconciler.Line line) {
        ReconciliationItem item = new ReconciliationItem();
        item.reconciliationId = reconciliationId;
        item.caseNumber = line.externalId();
        item.rowNumber = line.rowNumber();
        item.petitionId = line.id();
        item.outcome = line.outcome().name();
        item.hereStatus = line.hereStatus();
        item.thereStatus = line.thereStatus();
        item.hereDeadline = line.hereDeadline();
        item.thereDeadline = line.thereDeadline();
        item.differences.addAll(line.differences());
        item.note = line.note();
        return item;
    }

    /** This item as the reconciliation rule's line (the case number is both the province's id and ours). */
    public Reconciler.Line toLine() {
        return new Reconciler.Line(caseNumber, rowNumber, petitionId, caseNumber, Reconciler.Outcome.valueOf(outcome), hereStatus,
                thereStatus, hereDeadline, thereDeadline, List.copyOf(differences), note);
    }
}
