package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.domain.ItemKind;
import cn.hanzhong.rectification.notification.event.ItemEventData;
import cn.hanzhong.rectification.notification.event.ProducerEvents;
import cn.hanzhong.rectification.platform.consumer.EventHandler;
import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * The three topics this service consumes (consumer group notification-service), through the
 * platform's batch consumer: each event applied once, unknown types ignored, poison to the DLQ.
 */
public final class EventHandlers {

    private EventHandlers() {
    }

    /** {@code rectification.issues}. */
    @ApplicationScoped
    public static class Issues implements EventHandler {
        private final Rules rules;
        private final CloudEventCodec codec;

        public Issues(Rules rules, CloudEventCodec codec) {
            this.rules = rules;
            this.codec = codec;
        }

        @Override
        public String topic() {
            return ProducerEvents.ISSUES;
        }

        @Override
        public Set<String> types() {
            return ProducerEvents.ISSUE_TYPES;
        }

        @Override
        public void prepare(List<CloudEvent> events) {
            rules.prefetch(events);
        }

        @Override
        public void apply(CloudEvent event) {
            rules.onItemEvent(ItemKind.ISSUE, event, codec.data(event, ItemEventData.class));
        }
    }

    /** {@code rectification.petitions}. */
    @ApplicationScoped
    public static class Petitions implements EventHandler {
        private final Rules rules;
        private final CloudEventCodec codec;

        public Petitions(Rules rules, CloudEventCodec codec) {
            this.rules = rules;
            this.codec = codec;
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
        public void prepare(List<CloudEvent> events) {
            rules.prefetch(events);
        }

        @Override
        public void apply(CloudEvent event) {
            rules.onItemEvent(ItemKind.PETITION, event, codec.data(event, ItemEventData.class));
        }
    }

    /** {@code rectification.accountability}. */
    @ApplicationScoped
    public static class Cases implements EventHandler {
        private final Rules rules;
        private final CloudEventCodec codec;

        public Cases(Rules rules, CloudEventCodec codec) {
            this.rules = rules;
            this.codec = codec;
        }

        @Override
        public String topic() {
            return ProducerEvents.ACCOUNTABILITY;
        }

        @Override
        public Set<String> types() {
            return ProducerEvents.CASE_TYPES;
        }

        @Override
        public void apply(CloudEvent event) {
            rules.onCaseEvent(event, codec.data(event, ItemEventData.class));
        }
    }
}
