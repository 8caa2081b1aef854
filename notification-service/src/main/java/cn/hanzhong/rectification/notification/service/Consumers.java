package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.domain.ItemKind;
import cn.hanzhong.rectification.notification.event.ItemEventData;
import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import cn.hanzhong.rectification.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The three topics this service consumes; each event is applied once (inbox), poison goes to the DLQ. */
@ApplicationScoped
public class Consumers {

    private static final String CONSUMER = "notification-service";

    private final CloudEventCodec codec;
    private final Inbox inbox;
    private final Rules rules;

    public Consumers(CloudEventCodec codec, Inbox inbox, Rules rules) {
        this.codec = codec;
        this.inbox = inbox;
        this.rules = rules;
    }

    @Incoming("issues")
    @Blocking
    @Transactional
    public void onIssue(String message) {
        CloudEvent e = codec.decode(message);
        if (inbox.firstDelivery(e, CONSUMER)) {
            rules.onItemEvent(ItemKind.ISSUE, e, codec.data(e, ItemEventData.class));
        }
    }

    @Incoming("petitions")
    @Blocking
    @Transactional
    public void onPetition(String message) {
        CloudEvent e = codec.decode(message);
        if (inbox.firstDelivery(e, CONSUMER)) {
            rules.onItemEvent(ItemKind.PETITION, e, codec.data(e, ItemEventData.class));
        }
    }

    @Incoming("accountability")
    @Blocking
    @Transactional
    public void onCase(String message) {
        CloudEvent e = codec.decode(message);
        if (inbox.firstDelivery(e, CONSUMER)) {
            rules.onCaseEvent(e, codec.data(e, ItemEventData.class));
        }
    }
}
