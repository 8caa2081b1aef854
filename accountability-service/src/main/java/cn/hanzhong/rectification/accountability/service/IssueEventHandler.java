package cn.hanzhong.rectification.accountability.service;

import cn.hanzhong.rectification.accountability.event.ProducerEvents;
import cn.hanzhong.rectification.platform.consumer.EventHandler;
import cn.hanzhong.rectification.platform.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The ledger's events (consumer group accountability-service): the projection and the issue triggers. */
@ApplicationScoped
public class IssueEventHandler implements EventHandler {

    private final Triggers triggers;

    public IssueEventHandler(Triggers triggers) {
        this.triggers = triggers;
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
    public void apply(CloudEvent event) {
        triggers.onIssueEvent(event);
    }
}
