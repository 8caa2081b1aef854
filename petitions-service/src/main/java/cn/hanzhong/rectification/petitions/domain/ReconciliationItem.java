package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.reconciliation.ReconciliationLine;
import cn.hanzhong.rectification.platform.reconciliation.Reconciler;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * One item of a reconciliation, by 受理编号: MATCHED, DIFFERENT (status or deadline), ONLY_HERE (a petition
 * the province's list lacks), ONLY_THERE (a case the province forwarded that is not here), INVALID (an
 * unreadable row of the list).
 */
@Entity
@Table(name = "reconciliation_item")
public class ReconciliationItem extends ReconciliationLine {

    @Column(name = "case_number", nullable = false)
    public String caseNumber;

    @Column(name = "petition_id")
    public UUID petitionId;

    public static ReconciliationItem of(UUID run, Reconciler.Line line) {
        ReconciliationItem item = new ReconciliationItem();
        item.fill(run, line);
        item.caseNumber = line.externalId();
        item.petitionId = line.id();
        return item;
    }

    /** This item as the reconciliation rule's line (the case number is both the province's id and ours). */
    public Reconciler.Line toLine() {
        return line(caseNumber, petitionId, caseNumber);
    }
}
