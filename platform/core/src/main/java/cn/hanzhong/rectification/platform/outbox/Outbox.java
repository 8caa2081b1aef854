package cn.hanzhong.rectification.platform.outbox;

import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

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

    /**
     * Records an event for {@code topic}, keyed by {@code subject} (the aggregate id).
     *
     * @return the envelope that will be sent
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String type, String subject, Object payload) {
        CloudEvent event = codec.wrap(config.source(), type, subject, payload);
        // MANUAL flush mode: the insert reads no entity state, and an auto-flush would dirty-check the
        // whole persistence context on every event, making a 1 000-row import quadratic.
        em.createNativeQuery("""
                        insert into outbox_event (event_id, topic, aggregate_id, event_type, payload, created_at, trace_parent)
                        values (:id, :topic, :aggregate, :type, :payload, :created, :trace)""")
                .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL)
                .setParameter("id", event.id())
                .setParameter("topic", topic)
                .setParameter("aggregate", subject)
                .setParameter("type", type)
                .setParameter("payload", codec.encode(event))
                .setParameter("created", event.time())
                .setParameter("trace", cn.hanzhong.rectification.platform.tracing.Tracing.currentTraceparent(), String.class)
                .executeUpdate();
        // Delivered by PostgreSQL only when the transaction commits; one per transaction is enough.
        if (transactions.getResource(NOTIFIED) == null) {
            em.createNativeQuery("select pg_notify('" + CHANNEL + "', '')")
                    .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL).getSingleResult();
            transactions.putResource(NOTIFIED, Boolean.TRUE);
        }
        return event;
    }
}
