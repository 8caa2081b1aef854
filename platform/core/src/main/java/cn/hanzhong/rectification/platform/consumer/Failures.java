package cn.hanzhong.rectification.platform.consumer;

import cn.hanzhong.rectification.platform.events.MalformedEventException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure that will pass (the database unreachable, a connection reset, a lock timeout, a
 * serialization failure, the broker away) from one that will not (a malformed envelope, a contract
 * violation). Only the second kind may send a record to the dead-letter topic; the first is retried.
 */
public final class Failures {

    /** SQLSTATE classes and codes that describe the moment, not the record. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58", "HY");
    private static final Set<String> TRANSIENT_CODES = Set.of("55P03", "55006", "25P03", "55000");

    private Failures() {
    }

    /** Whether {@code failure} (or any of its causes) is one that a retry may overcome. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException) {
                return false;
            }
            if (t instanceof DeadLetters.DeadLetterNotAcknowledged || t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof IOException
                    || t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof org.hibernate.PessimisticLockException
                    || t instanceof LockTimeoutException
                    || t instanceof PessimisticLockException
                    || t instanceof QueryTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // The pool's "Acquisition timeout while waiting for new connection" has no state.
            String m = String.valueOf(e.getMessage()).toLowerCase();
            return m.contains("acquisition timeout") || m.contains("connection");
        }
        return TRANSIENT_CODES.contains(state) || state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2));
    }

    /** A one-line description for logs and dead-letter headers (class and message of the root cause). */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? top : top + " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
