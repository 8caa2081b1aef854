package cn.hanzhong.rectification.platform.support;

import cn.hanzhong.rectification.platform.consumer.EventHandler;
import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Set;

/**
 * A handler written the way services write theirs: one effect row per event, in the consumer's
 * transaction. An event whose subject is in {@code test_blocked} violates the "contract" until a
 * test unblocks it (a cause that an operator fixes, then re-drives).
 */
@ApplicationScoped
public class EffectConsumer implements EventHandler {

    public static final String TOPIC = "platform-test.in";

    private final EntityManager em;

    public EffectConsumer(EntityManager em) {
        this.em = em;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> types() {
        return Set.of("thing.created");
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        boolean blocked = !em.createNativeQuery("select 1 from test_blocked where subject = :s")
                .setParameter("s", event.subject()).getResultList().isEmpty();
        if (blocked) {
            throw new MalformedEventException("subject " + event.subject() + " is not acceptable");
        }
        em.createNativeQuery("insert into test_effect (event_id, subject) values (:id, :s)")
                .setParameter("id", event.id())
                .setParameter("s", event.subject())
                .executeUpdate();
    }
}
