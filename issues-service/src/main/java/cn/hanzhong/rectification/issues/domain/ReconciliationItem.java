package cn.hanzhong.rectification.issues.domain;

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
 * One item of a reconciliation: MATCHED (in both and equal), DIFFERENT (in both, status or deadline
 * differ), ONLY_HERE (in the ledger, not in the province's list), ONLY_THERE (in the list, not in the
 * ledger), INVALID (a row of the list that could not be read).
 */
@Entity
@Table(name = "reconciliation_item")
public class ReconciliationItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "reconciliation_id", nullable = false)
    public UUID reconciliationId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "row_number")
    public Integer rowNumber;

    @Column(name = "issue_id")
    public UUID issueId;

    @Column(name = "issue_code")
    public String issueCode;

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

    /** This item as the reconciliation rule's line. */
    public Reconciler.Line toLine() {
        return new Reconciler.Line(externalId, rowNumber, issueId, issueCode, Reconciler.Outcome.valueOf(outcome), hereStatus, thereStatus,
                hereDeadline, thereDeadline, List.copyOf(differences), note);
    }
}
