package cn.hanzhong.rectification.platform.history;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Appends to an aggregate's history. Each service makes one bean of it for its aggregate, naming
 * only how a line points at the aggregate and how it is stored:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class History extends HistoryWriter<Issue, HistoryEntry> {
 *     public History(HistoryEntryRepository lines, ChangeLog changeLog) {
 *         super(changeLog, issue -> HistoryEntry.of(issue.id), lines::persist);
 *     }
 * }
 * }</pre>
 *
 * Lines are attributed by {@link ChangeLog} (the caller, or the system in jobs); a field change
 * whose value did not really change writes nothing.
 *
 * @param <S> the aggregate (issue, petition, case)
 * @param <E> its history line entity
 */
public abstract class HistoryWriter<S, E extends ChangeLogEntry> {

    private ChangeLog changeLog;
    private Function<S, E> lineFor;
    private Consumer<E> store;

    protected HistoryWriter(ChangeLog changeLog, Function<S, E> lineFor, Consumer<E> store) {
        this.changeLog = changeLog;
        this.lineFor = lineFor;
        this.store = store;
    }

    /** For the container's proxies only. */
    protected HistoryWriter() {
    }

    /** Records an action without a field change. */
    public void action(S subject, String action, String reason) {
        write(subject, action, null, null, null, reason);
    }

    /** Records a field change if the value really changed. */
    public void change(S subject, String action, String field, Object oldValue, Object newValue, String reason) {
        write(subject, action, field, oldValue, newValue, reason);
    }

    /**
     * The line {@link #action} would write, filled (attributed, timed) but not stored: for an import that stores the
     * lines of thousands of rows in one statement.
     */
    public E actionLine(S subject, String action, String reason) {
        return line(subject, action, null, null, null, reason);
    }

    private void write(S subject, String action, String field, Object oldValue, Object newValue, String reason) {
        E line = line(subject, action, field, oldValue, newValue, reason);
        if (line != null) {
            store.accept(line);
        }
    }

    /** The filled line, or null when {@code field}'s value did not really change. */
    private E line(S subject, String action, String field, Object oldValue, Object newValue, String reason) {
        E line = lineFor.apply(subject);
        return changeLog.fill(line, action, field, oldValue, newValue, reason) ? line : null;
    }
}
