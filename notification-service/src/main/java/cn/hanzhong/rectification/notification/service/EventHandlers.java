package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.domain.ItemKind;
import cn.hanzhong.rectification.notification.event.FiguresEventData;
import cn.hanzhong.rectification.notification.event.ItemEventData;
import cn.hanzhong.rectification.notification.event.OrderEventData;
import cn.hanzhong.rectification.notification.event.ProducerEvents;
import cn.hanzhong.rectification.platform.calendar.CalendarYears;
import cn.hanzhong.rectification.platform.consumer.TopicHandler;
import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;

/**
 * The three topics this service consumes (consumer group notification-service), through the
 * platform's batch consumer: each event applied once, unknown types ignored, poison to the DLQ.
 */
public final class EventHandlers {

    private EventHandlers() {
    }

    /** Issues and petitions: the same rules, another kind of item. */
    abstract static class ItemEvents extends TopicHandler {
        private final Rules rules;
        private final CloudEventCodec codec;
        private final ItemKind kind;

        ItemEvents(Rules rules, CloudEventCodec codec, ItemKind kind, String topic, Set<String> types) {
            super(topic, types);
            this.rules = rules;
            this.codec = codec;
            this.kind = kind;
        }

        @Override
        public void prepare(List<CloudEvent> events) {
            rules.prefetch(events);
        }

        @Override
        public void apply(CloudEvent event) {
            rules.onItemEvent(kind, event, codec.data(event, ItemEventData.class));
        }
    }

    /** {@code rectification.issues}: the ledger's events, its supervision orders, and the working-day calendar its owner publishes. */
    @Singleton
    public static class Issues extends ItemEvents {
        private final CalendarYears calendar;
        private final CloudEventCodec codec;
        private final Rules rules;
        private final Figures figures;

        public Issues(Rules rules, CloudEventCodec codec, CalendarYears calendar, Figures figures) {
            super(rules, codec, ItemKind.ISSUE, ProducerEvents.ISSUES, ProducerEvents.ISSUE_TYPES_AND_CALENDAR);
            this.calendar = calendar;
            this.codec = codec;
            this.rules = rules;
            this.figures = figures;
        }

        @Override
        public void apply(CloudEvent event) {
            if (event.type().equals(FiguresEventData.ISSUES)) {
                figures.apply(Figures.Source.ISSUES, codec.data(event, JsonNode.class));
            } else if (event.type().equals(CalendarYears.UPDATED)) {
                calendar.apply(codec.data(event, CalendarYears.Notice.class));
            } else if (event.type().startsWith(ProducerEvents.ORDER_PREFIX)) {
                rules.onOrderEvent(event, codec.data(event, OrderEventData.class));
            } else if (event.type().equals(ProducerEvents.RECONCILIATION_COMPLETED)) {
                rules.onReconciliation(event, codec.data(event, cn.hanzhong.rectification.notification.event.ReconciliationEventData.class));
            } else if (event.type().startsWith(ProducerEvents.PLAN_PREFIX)) {
                rules.onPlanEvent(event, codec.data(event, cn.hanzhong.rectification.notification.event.PlanEventData.class));
            } else {
                super.apply(event);
            }
        }
    }

    /** {@code rectification.petitions}. */
    @Singleton
    public static class Petitions extends ItemEvents {
        private final CloudEventCodec codec;
        private final Figures figures;
        private final Rules rules;

        public Petitions(Rules rules, CloudEventCodec codec, Figures figures) {
            super(rules, codec, ItemKind.PETITION, ProducerEvents.PETITIONS, ProducerEvents.PETITION_TYPES);
            this.codec = codec;
            this.figures = figures;
            this.rules = rules;
        }

        @Override
        public void apply(CloudEvent event) {
            if (event.type().equals(FiguresEventData.PETITIONS)) {
                figures.apply(Figures.Source.PETITIONS, codec.data(event, JsonNode.class));
            } else if (event.type().equals(ProducerEvents.PETITION_RECONCILIATION_COMPLETED)) {
                rules.onReconciliation(event, codec.data(event, cn.hanzhong.rectification.notification.event.ReconciliationEventData.class));
            } else {
                super.apply(event);
            }
        }
    }

    /** {@code rectification.accountability}. */
    @Singleton
    public static class Cases extends TopicHandler {
        private final Rules rules;
        private final CloudEventCodec codec;
        private final Figures figures;

        public Cases(Rules rules, CloudEventCodec codec, Figures figures) {
            super(ProducerEvents.ACCOUNTABILITY, ProducerEvents.CASE_TYPES);
            this.rules = rules;
            this.codec = codec;
            this.figures = figures;
        }

        @Override
        public void apply(CloudEvent event) {
            if (event.type().equals(FiguresEventData.ACCOUNTABILITY)) {
                figures.apply(Figures.Source.ACCOUNTABILITY, codec.data(event, JsonNode.class));
            } else {
                rules.onCaseEvent(event, codec.data(event, ItemEventData.class));
            }
        }
    }
}
