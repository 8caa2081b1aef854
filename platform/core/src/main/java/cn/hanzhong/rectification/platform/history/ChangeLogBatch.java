package cn.hanzhong.rectification.platform.history;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.function.Function;

/**
 * History lines stored many at once: one JDBC batch (the data source rewrites it as multi-row inserts) in the caller's
 * transaction, where {@code persist} would insert each line on its own (the lines have identity ids). For imports of
 * thousands of rows; the aggregates the lines point at must be flushed first.
 */
public final class ChangeLogBatch {

    private ChangeLogBatch() {
    }

    /**
     * @param table         the service's history table ({@code petition_history})
     * @param subjectColumn the column that points at the aggregate ({@code petition_id})
     * @param subjectOf     that column's value of a line
     */
    public static <E extends ChangeLogEntry> void insert(EntityManager em, String table, String subjectColumn, List<E> lines,
                                                         Function<E, Object> subjectOf) {
        if (lines.isEmpty()) {
            return;
        }
        String sql = "insert into " + table + " (" + subjectColumn
                + ", at, actor, actor_name, actor_unit, action, field, old_value, new_value, reason)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (E line : lines) {
                    insert.setObject(1, subjectOf.apply(line));
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
