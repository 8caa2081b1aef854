package cn.hanzhong.rectification.platform.support;

import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import cn.hanzhong.rectification.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer written the way services write theirs: decode, de-duplicate, apply, in one transaction. */
@ApplicationScoped
public class EffectConsumer {

    private final CloudEventCodec codec;
    private final Inbox inbox;
    private final EntityManager em;

    public EffectConsumer(CloudEventCodec codec, Inbox inbox, EntityManager em) {
        this.codec = codec;
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming("test-in")
    @Blocking
    @Transactional
    public void on(String message) {
        CloudEvent event = codec.decode(message);
        if (!inbox.firstDelivery(event, "platform-test")) {
            return;
        }
        em.createNativeQuery("insert into test_effect (event_id, subject) values (:id, :s)")
                .setParameter("id", event.id())
                .setParameter("s", event.subject())
                .executeUpdate();
    }
}
