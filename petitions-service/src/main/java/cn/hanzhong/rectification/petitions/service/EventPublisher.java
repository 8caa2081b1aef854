package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.event.PetitionEvents;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes petition events through the outbox, keyed by the petition id. */
@ApplicationScoped
public class EventPublisher {

    private final Outbox outbox;

    public EventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String type, Petition p, Object payload) {
        outbox.publish(PetitionEvents.TOPIC, type, p.id.toString(), payload);
    }
}
