package cn.hanzhong.rectification.accountability.service;

import cn.hanzhong.rectification.accountability.event.ProducerEvents;
import cn.hanzhong.rectification.platform.consumer.EventHandler;
import cn.hanzhong.rectification.platform.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The petitions' events: the projection and the petition trigger. */
@ApplicationScoped
public class PetitionEventHandler implements EventHandler {

    private final Triggers triggers;

    public PetitionEventHandler(Triggers triggers) {
        this.triggers = triggers;
    }

    @Override
    public String topic() {
        return ProducerEvents.PETITIONS;
    }

    @Override
    public Set<String> types() {
        return ProducerEvents.PETITION_TYPES;
    }

    @Override
    public void apply(CloudEvent event) {
        triggers.onPetitionEvent(event);
    }
}
