package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.history.ChangeLogEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/** One append-only line of an issue's history. */
@Entity
@Immutable
@Table(name = "issue_history")
public class HistoryEntry extends ChangeLogEntry {

    @Column(name = "issue_id", nullable = false)
    public UUID issueId;

    /** A new, empty line about the issue {@code id}. */
    public static HistoryEntry of(UUID id) {
        HistoryEntry line = new HistoryEntry();
        line.issueId = id;
        return line;
    }
}
