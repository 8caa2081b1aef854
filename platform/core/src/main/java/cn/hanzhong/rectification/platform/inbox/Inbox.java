package cn.hanzhong.rectification.platform.inbox;

import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Makes a consumer idempotent: it records the event id in {@code processed_event} in the
 * consumer's own transaction, and says whether this is the first delivery.
 *
 * The platform's {@code EventConsumer} calls {@link #firstDeliveries} once per batch; a handler never
 * needs to.
 *
 * <p>If the side effect fails, the transaction rolls back with the inbox row, so a redelivery is
 * processed again; if it commits, every redelivery is skipped.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;
    private final ProgrammeClock clock;

    public Inbox(EntityManager em, ProgrammeClock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records the event as processed by {@code consumer}; {@code false} means: a duplicate, skip it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(CloudEvent event, String consumer) {
        return firstDelivery(event.id(), event.type(), consumer);
    }

    /**
     * Records a batch of events in one statement; returns the ids delivered for the first time (an id
     * given twice counts once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Set<UUID> firstDeliveries(List<CloudEvent> events, String consumer) {
        if (events.isEmpty()) {
            return Set.of();
        }
        String[] ids = events.stream().map(e -> e.id().toString()).toArray(String[]::new);
        String[] types = events.stream().map(CloudEvent::type).toArray(String[]::new);
        List<Object> inserted = em.createNativeQuery("""
                        insert into processed_event (consumer, event_id, event_type, processed_at)
                        select :consumer, cast(e.id as uuid), e.type, :at
                        from unnest(cast(:ids as text[]), cast(:types as text[])) as e(id, type)
                        on conflict do nothing
                        returning event_id""")
                .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL)
                .setParameter("consumer", consumer)
                .setParameter("ids", ids)
                .setParameter("types", types)
                .setParameter("at", clock.now())
                .getResultList();
        Set<UUID> first = new HashSet<>();
        for (Object id : inserted) {
            first.add(id instanceof UUID u ? u : UUID.fromString(id.toString()));
        }
        return first;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String eventType, String consumer) {
        int inserted = em.createNativeQuery("""
                        insert into processed_event (consumer, event_id, event_type, processed_at)
                        values (:consumer, :id, :type, :at)
                        on conflict do nothing""")
                .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL)
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .setParameter("type", eventType)
                .setParameter("at", clock.now())
                .executeUpdate();
        return inserted == 1;
    }
}
