package cn.hanzhong.rectification.platform.history;

/**
 * Appends to an aggregate's history: each service extends this once for its aggregate and its
 * {@link ChangeLogEntry} table, naming only how a line points at the aggregate and how it is stored.
 * Lines are attributed by {@link ChangeLog} (the caller, or the system in jobs); a field change
 * whose value did not really change writes nothing.
 *
 * @param <S> the aggregate (issue, petition, case)
 * @param <E> its history line entity
 */
public abstract class HistoryWriter<S, E extends ChangeLogEntry> {

    private ChangeLog changeLog;

    protected HistoryWriter(ChangeLog changeLog) {
        this.changeLog = changeLog;
    }

    /** For the container's proxies only. */
    protected HistoryWriter() {
    }

    /** A new, empty line pointing at {@code subject}. */
    protected abstract E lineFor(S subject);

    /** Stores a filled line. */
    protected abstract void store(E line);

    /** Records an action without a field change. */
    public void action(S subject, String action, String reason) {
        write(subject, action, null, null, null, reason);
    }

    /** Records a field change if the value really changed. */
    public void change(S subject, String action, String field, Object oldValue, Object newValue, String reason) {
        write(subject, action, field, oldValue, newValue, reason);
    }

    private void write(S subject, String action, String field, Object oldValue, Object newValue, String reason) {
        E line = lineFor(subject);
        if (changeLog.fill(line, action, field, oldValue, newValue, reason)) {
            store(line);
        }
    }
}
