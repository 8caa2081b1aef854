package cn.hanzhong.rectification.platform.consumer;

import java.util.Set;

/** An {@link EventHandler} that states its topic and types once, in its constructor; subclasses apply. */
public abstract class TopicHandler implements EventHandler {

    private final String topic;
    private final Set<String> types;

    protected TopicHandler(String topic, Set<String> types) {
        this.topic = topic;
        this.types = Set.copyOf(types);
    }

    @Override
    public final String topic() {
        return topic;
    }

    @Override
    public final Set<String> types() {
        return types;
    }
}
