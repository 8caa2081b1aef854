package cn.hanzhong.rectification.platform.consumer;

import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.MalformedEventException;

import java.util.List;
import java.util.Set;

/**
 * How a service applies the events of one topic. Implementations are {@code @ApplicationScoped}
 * beans; the {@link EventConsumer} finds them, reads their topics in batches, de-duplicates by event
 * id and calls {@link #apply} inside the batch's transaction.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class IssueEvents implements EventHandler {
 *     public String topic() { return "rectification.issues"; }
 *     public Set<String> types() { return Set.of("issue.assigned", "issue.overdue"); }
 *     public void apply(CloudEvent event) { ... side effects in the caller's transaction ... }
 * }
 * }</pre>
 */
public interface EventHandler {

    /** The topic this handler consumes. */
    String topic();

    /**
     * The event types this handler understands. Any other type is skipped without a side effect and
     * counted ({@code consumer_events_ignored_total}): a producer may add types before its consumers know them.
     */
    Set<String> types();

    /**
     * Applies one event, first delivery only, inside the batch transaction. Throw
     * {@link MalformedEventException} for an event that can
     * never be applied (it goes to the dead-letter topic); a transient failure (the database away, a
     * lock timeout) may escape as it is: the batch is retried.
     */
    void apply(CloudEvent event);

    /**
     * Called once per batch, inside its transaction, before {@link #apply} is called for each of
     * {@code events} (first deliveries of known types): a handler may load what they need in one query.
     */
    default void prepare(List<CloudEvent> events) {
    }
}
