package cn.hanzhong.rectification.platform.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** Reads a topic from its beginning with a consumer group of its own, accumulating what it saw. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
    }

    /** Polls once and returns everything seen so far. */
    public List<ConsumerRecord<String, String>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    public List<ConsumerRecord<String, String>> containing(String text) {
        return poll().stream().filter(r -> r.value() != null && r.value().contains(text)).toList();
    }

    /**
     * The values of every record with {@code key} on {@code topic}, from its beginning, reading for
     * {@code readFor} (long enough to also see a duplicate, if one were sent).
     */
    public static List<String> valuesWithKey(String bootstrapServers, String topic, String key, Duration readFor) {
        try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
            long end = System.nanoTime() + readFor.toNanos();
            List<ConsumerRecord<String, String>> seen = List.of();
            while (System.nanoTime() < end) {
                seen = reader.poll();
            }
            return seen.stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
