package cn.hanzhong.rectification.petitions.repository;

import cn.hanzhong.rectification.petitions.domain.HistoryEntry;
import cn.hanzhong.rectification.platform.history.ChangeLogBatch;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class HistoryEntryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    /** Stores {@code lines} in one batch ({@link ChangeLogBatch}); the petitions they point at must be flushed first. */
    public void insertAll(List<HistoryEntry> lines) {
        ChangeLogBatch.insert(getEntityManager(), "petition_history", "petition_id", lines, line -> line.petitionId);
    }
}
