package cn.hanzhong.rectification.accountability.service;

import cn.hanzhong.rectification.accountability.event.ProducerEvents;
import cn.hanzhong.rectification.platform.consumer.TopicHandler;
import cn.hanzhong.rectification.platform.events.CloudEvent;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.function.BiConsumer;

/** The two topics this service consumes (consumer group accountability-service): the projection and the triggers. */
public final class EventHandlers {

    private EventHandlers() {
    }

    abstract static class TopicEvents extends TopicHandler {
        private final Triggers triggers;
        private final BiConsumer<Triggers, CloudEvent> apply;

        TopicEvents(String topic, Set<String> types, Triggers triggers, BiConsumer<Triggers, CloudEvent> apply) {
            super(topic, types);
            this.triggers = triggers;
            this.apply = apply;
        }

        @Override
        public void apply(CloudEvent event) {
            apply.accept(triggers, event);
        }
    }

    /** {@code rectification.issues}: overdue, repeated rejection and recurrence. */
    @Singleton
    public static class Issues extends TopicEvents {
        public Issues(Triggers triggers) {
            super(ProducerEvents.ISSUES, ProducerEvents.ISSUE_TYPES, triggers, Triggers::onIssueEvent);
        }
    }

    /** {@code rectification.petitions}: concluded petitions that held persons accountable. */
    @Singleton
    public static class Petitions extends TopicEvents {
        public Petitions(Triggers triggers) {
            super(ProducerEvents.PETITIONS, ProducerEvents.PETITION_TYPES, triggers, Triggers::onPetitionEvent);
        }
    }
}
