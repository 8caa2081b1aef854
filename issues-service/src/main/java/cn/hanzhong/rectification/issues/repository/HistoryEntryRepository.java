package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.HistoryEntry;
import cn.hanzhong.rectification.platform.history.ChangeLogBatch;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class HistoryEntryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    /** Stores {@code lines} in one batch ({@link ChangeLogBatch}); the issues they point at must be flushed first. */
    public void insertAll(List<HistoryEntry> lines) {
        ChangeLogBatch.insert(getEntityManager(), "issue_history", "issue_id", lines, line -> line.issueId);
    }
}
