package cn.hanzhong.rectification.platform.outbox;

import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The only way a service publishes an event: {@link #publish} inserts an outbox row in the caller's
 * transaction, so the state change and its event commit or roll back together. The
 * {@link OutboxRelay} sends committed rows to Kafka afterwards; nothing here talks to the broker.
 */
@ApplicationScoped
public class Outbox {

    /** The PostgreSQL notification channel that wakes the relay after a commit. */
    static final String CHANNEL = "outbox_event";

    private final EntityManager em;
    private final CloudEventCodec codec;
    private final OutboxConfig config;

    public Outbox(EntityManager em, CloudEventCodec codec, OutboxConfig config) {
        this.em = em;
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
        em.createNativeQuery("""
                        insert into outbox_event (event_id, topic, aggregate_id, event_type, payload, created_at)
                        values (:id, :topic, :aggregate, :type, :payload, :created)""")
                .setParameter("id", event.id())
                .setParameter("topic", topic)
                .setParameter("aggregate", subject)
                .setParameter("type", type)
                .setParameter("payload", codec.encode(event))
                .setParameter("created", event.time())
                .executeUpdate();
        // Delivered by PostgreSQL only when the transaction commits; several in one transaction fold into one.
        em.createNativeQuery("select pg_notify('" + CHANNEL + "', '')").getSingleResult();
        return event;
    }
}
