package cn.hanzhong.rectification.petitions.repository;

import cn.hanzhong.rectification.petitions.domain.HistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.List;

@ApplicationScoped
public class HistoryEntryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    /**
     * Stores {@code lines} in one JDBC batch (a multi-row insert), in the caller's transaction; the petitions they point
     * at must be flushed first. For imports: {@code persist} would insert each line on its own (identity ids).
     */
    public void insertAll(List<HistoryEntry> lines) {
        if (lines.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into petition_history (petition_id, at, actor, actor_name, actor_unit, action, field, old_value,
                                                  new_value, reason)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (HistoryEntry line : lines) {
                    insert.setObject(1, line.petitionId);
                    insert.setObject(2, line.at);
                    insert.setString(3, line.actor);
                    insert.setString(4, line.actorName);
                    insert.setString(5, line.actorUnit);
                    insert.setString(6, line.action);
                    insert.setString(7, line.field);
                    insert.setString(8, line.oldValue);
                    insert.setString(9, line.newValue);
                    insert.setString(10, line.reason);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
