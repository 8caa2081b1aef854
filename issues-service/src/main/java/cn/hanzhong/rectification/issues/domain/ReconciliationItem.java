package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.reconciliation.ReconciliationLine;
import cn.hanzhong.rectification.platform.reconciliation.Reconciler;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * One item of a reconciliation, by the province's id (our {@code externalId}): MATCHED (in both and equal),
 * DIFFERENT (status or deadline), ONLY_HERE (in the ledger, not in the province's list), ONLY_THERE (in the
 * list, not in the ledger), INVALID (a row of the list that could not be read).
 */
@Entity
@Table(name = "reconciliation_item")
public class ReconciliationItem extends ReconciliationLine {

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "issue_id")
    public UUID issueId;

    @Column(name = "issue_code")
    public String issueCode;

    public static ReconciliationItem of(UUID run, Reconciler.Line line) {
        ReconciliationItem item = new ReconciliationItem();
        item.fill(run, line);
        item.externalId = line.externalId();
        item.issueId = line.id();
        item.issueCode = line.code();
        return item;
    }

    /** This item as the reconciliation rule's line. */
    public Reconciler.Line toLine() {
        return line(externalId, issueId, issueCode);
    }
}
