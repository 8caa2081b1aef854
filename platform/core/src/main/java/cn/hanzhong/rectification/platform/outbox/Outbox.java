package cn.hanzhong.rectification.platform.outbox;

import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The only way a service publishes an event: {@link #publish} inserts an outbox row in the caller's
 * transaction, so the state change and its event commit or roll back together. The
 * {@link OutboxRelay} sends committed rows to Kafka afterwards; nothing here talks to the broker.
 */
@ApplicationScoped
public class Outbox {

    /** The PostgreSQL notification channel that wakes the relay after a commit. */
    static final String CHANNEL = "outbox_event";
    private static final String NOTIFIED = Outbox.class.getName() + ".notified";

    private final EntityManager em;
    private final CloudEventCodec codec;
    private final OutboxConfig config;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(EntityManager em, CloudEventCodec codec, OutboxConfig config,
                  TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
        this.codec = codec;
        this.config = config;
    }

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, aggregate_id, event_type, payload, created_at, trace_parent)
            values (?, ?, ?, ?, ?, ?, ?)""";

    /** An event to record with others in one write ({@link #publishAll}). */
    public record Pending(String topic, String type, String subject, Object payload) {
    }

    /**
     * Records {@code events} in their order in one JDBC batch (one multi-row insert: the data source rewrites batched
     * inserts), in the caller's transaction — for an import of thousands of rows, one write per chunk instead of one
     * round trip per event. The statement goes straight to the session's connection: no auto-flush, which would
     * dirty-check the whole persistence context on every event and make a 1 000-row import quadratic.
     *
     * @return the envelopes that will be sent, in the same order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> publishAll(List<Pending> events) {
        List<CloudEvent> wrapped = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return wrapped;
        }
        String trace = cn.hanzhong.rectification.platform.tracing.Tracing.currentTraceparent();
        for (Pending e : events) {
            wrapped.add(codec.wrap(config.source(), e.type(), e.subject(), e.payload()));
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < events.size(); i++) {
                    CloudEvent event = wrapped.get(i);
                    insert.setObject(1, event.id());
                    insert.setString(2, events.get(i).topic());
                    insert.setString(3, events.get(i).subject());
                    insert.setString(4, event.type());
                    insert.setString(5, codec.encode(event));
                    insert.setObject(6, event.time());
                    insert.setString(7, trace);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        notifyRelayOnCommit();
        return wrapped;
    }

    /**
     * Records an event for {@code topic}, keyed by {@code subject} (the aggregate id).
     *
     * @return the envelope that will be sent
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String type, String subject, Object payload) {
        return publishAll(List.of(new Pending(topic, type, subject, payload))).get(0);
    }

    /** Delivered by PostgreSQL only when the transaction commits; one per transaction is enough. */
    private void notifyRelayOnCommit() {
        if (transactions.getResource(NOTIFIED) == null) {
            em.createNativeQuery("select pg_notify('" + CHANNEL + "', '')")
                    .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL).getSingleResult();
            transactions.putResource(NOTIFIED, Boolean.TRUE);
        }
    }
}
