package cn.hanzhong.rectification.platform.security;

import cn.hanzhong.rectification.platform.consumer.TopicHandler;
import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@link ReadGrants} from another service's events: each event of an aggregate (key = its id)
 * carries the full list of this service's records it names, which replaces the previous list.
 * A service subclasses it with the topic, types and field it follows.
 */
public abstract class GrantingEvents extends TopicHandler {

    /** The part of an event's data that grants: the aggregate's id and the records it names. */
    public record Naming(UUID id, List<UUID> items) {
    }

    private final ReadGrants grants;
    private final CloudEventCodec codec;
    private final String grantorPrefix;

    protected GrantingEvents(String topic, Set<String> types, String grantorPrefix, ReadGrants grants, CloudEventCodec codec) {
        super(topic, types);
        this.grants = grants;
        this.codec = codec;
        this.grantorPrefix = grantorPrefix;
    }

    /** The records of this service that {@code event} names. */
    protected abstract Naming naming(CloudEvent event, CloudEventCodec codec);

    @Override
    public void apply(CloudEvent event) {
        Naming n = naming(event, codec);
        grants.replace(grantorPrefix + n.id(), n.items() == null ? List.of() : n.items());
    }
}
