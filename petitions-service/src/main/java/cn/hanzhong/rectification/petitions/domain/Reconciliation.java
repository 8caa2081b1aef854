package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.reconciliation.ReconciliationRun;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One reconciliation of the petitions with the provincial system's list of what it forwarded, and its counts. */
@Entity
@Table(name = "reconciliation")
public class Reconciliation extends ReconciliationRun {
}
