package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes issue events through the outbox, keyed by the issue id, in the caller's transaction. */
@ApplicationScoped
public class EventPublisher {

    private final Outbox outbox;

    public EventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String type, Issue issue, Object payload) {
        outbox.publish(IssueEvents.TOPIC, type, issue.id.toString(), payload);
    }
}
