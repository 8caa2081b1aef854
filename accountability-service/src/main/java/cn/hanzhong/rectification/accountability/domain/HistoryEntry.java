package cn.hanzhong.rectification.accountability.domain;

import cn.hanzhong.rectification.platform.history.ChangeLogEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/** One append-only line of a case's history. */
@Entity
@Immutable
@Table(name = "case_history")
public class HistoryEntry extends ChangeLogEntry {

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** A new, empty line about the case {@code id}. */
    public static HistoryEntry of(UUID id) {
        HistoryEntry line = new HistoryEntry();
        line.caseId = id;
        return line;
    }
}
