package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.reconciliation.ReconciliationRun;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One reconciliation of the ledger with the provincial system's list, and its counts. */
@Entity
@Table(name = "reconciliation")
public class Reconciliation extends ReconciliationRun {
}
