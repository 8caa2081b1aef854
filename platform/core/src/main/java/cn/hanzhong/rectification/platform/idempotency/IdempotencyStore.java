package cn.hanzhong.rectification.platform.idempotency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The kept responses of {@link Idempotency}, in the service's own database. Each call is its own
 * short auto-committed statement, so a key taken is visible to every instance at once, outside the
 * request's transaction.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** A key's row: IN_PROGRESS until the first response is kept, then DONE with it. */
    public record Entry(String fingerprint, String state, int status, String contentType, String location, String etag,
                        byte[] body, Instant createdAt, boolean committed) {
        public boolean done() {
            return "DONE".equals(state);
        }

        /** Still in progress after the lease though its work committed: its instance stopped before answering. */
        public boolean orphaned(Instant now, Duration lease) {
            return !done() && committed && createdAt.isBefore(now.minus(lease));
        }
    }

    private final AgroalDataSource db;

    public IdempotencyStore(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * Takes the key for this request; empty when it was free (the caller proceeds), else the row that holds it. A claim
     * still in progress after {@code lease} whose work never committed was abandoned by a stopped instance: it is
     * taken over.
     */
    public Optional<Entry> claim(String caller, String key, String fingerprint, Instant now, Duration keep, Duration lease) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement expired = c.prepareStatement("""
                    delete from platform_idempotency where caller = ? and idem_key = ?
                    and (created_at < ? or (state = 'IN_PROGRESS' and not committed and created_at < ?))""")) {
                expired.setString(1, caller);
                expired.setString(2, key);
                expired.setTimestamp(3, Timestamp.from(now.minus(keep)));
                expired.setTimestamp(4, Timestamp.from(now.minus(lease)));
                expired.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into platform_idempotency (caller, idem_key, fingerprint, state, created_at)
                    values (?, ?, ?, 'IN_PROGRESS', ?) on conflict (caller, idem_key) do nothing""")) {
                insert.setString(1, caller);
                insert.setString(2, key);
                insert.setString(3, fingerprint);
                insert.setTimestamp(4, Timestamp.from(now));
                if (insert.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement read = c.prepareStatement("""
                    select fingerprint, state, status, content_type, location, etag, body, created_at, committed
                    from platform_idempotency where caller = ? and idem_key = ?""")) {
                read.setString(1, caller);
                read.setString(2, key);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        // released in between (the first attempt failed): take it now
                        return claim(caller, key, fingerprint, now, keep, lease);
                    }
                    return Optional.of(new Entry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getTimestamp(8).toInstant(), rs.getBoolean(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency keys are not available", e);
        }
    }

    /**
     * Marks the claim's work committed, inside the work's own transaction (the connection the data source enlisted in
     * it): it commits with the work or not at all.
     */
    public void markCommitted(String caller, String key) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "update platform_idempotency set committed = true where caller = ? and idem_key = ? and not committed")) {
            ps.setString(1, caller);
            ps.setString(2, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency keys are not available", e);
        }
    }

    public void complete(String caller, String key, int status, String contentType, String location, String etag, byte[] body) {
        update("""
                update platform_idempotency set state = 'DONE', status = ?, content_type = ?, location = ?, etag = ?, body = ?
                where caller = ? and idem_key = ? and state = 'IN_PROGRESS'""", ps -> {
            ps.setInt(1, status);
            ps.setString(2, contentType);
            ps.setString(3, location);
            ps.setString(4, etag);
            ps.setBytes(5, body);
            ps.setString(6, caller);
            ps.setString(7, key);
        });
    }

    /** Frees a key whose request failed on the server's side, so that a retry runs again. */
    public void release(String caller, String key) {
        update("delete from platform_idempotency where caller = ? and idem_key = ? and state = 'IN_PROGRESS'", ps -> {
            ps.setString(1, caller);
            ps.setString(2, key);
        });
    }

    public void purge(Instant before) {
        update("delete from platform_idempotency where created_at < ?", ps -> ps.setTimestamp(1, Timestamp.from(before)));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency keys are not available", e);
        }
    }
}
