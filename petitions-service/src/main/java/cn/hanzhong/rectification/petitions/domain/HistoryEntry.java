package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.history.ChangeLogEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/** One append-only line of a petition's history. */
@Entity
@Immutable
@Table(name = "petition_history")
public class HistoryEntry extends ChangeLogEntry {

    @Column(name = "petition_id", nullable = false)
    public UUID petitionId;

    /** A new, empty line about the petition {@code id}. */
    public static HistoryEntry of(UUID id) {
        HistoryEntry line = new HistoryEntry();
        line.petitionId = id;
        return line;
    }
}
