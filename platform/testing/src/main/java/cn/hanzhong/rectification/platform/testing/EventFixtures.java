package cn.hanzhong.rectification.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The producers' event contract fixtures ({@code deploy/contracts/events}), re-addressed to a fresh
 * aggregate and event id and sent to the real broker, for consumers' tests.
 */
public final class EventFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventFixtures() {
    }

    /** The fixture with a fresh event id, the aggregate {@code id}, and {@code data} fields overridden. */
    public static ObjectNode event(String file, UUID id, Map<String, Object> data) throws Exception {
        ObjectNode e = (ObjectNode) JSON.readTree(Path.of("..", "deploy", "contracts", "events", file).toFile());
        e.put("id", UUID.randomUUID().toString());
        e.put("subject", id.toString());
        ObjectNode d = (ObjectNode) e.get("data");
        d.put("id", id.toString());
        data.forEach((k, v) -> d.set(k, JSON.valueToTree(v)));
        return e;
    }

    public static void send(String bootstrap, String topic, ObjectNode event) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, event.get("subject").asText(), JSON.writeValueAsString(event));
            // The same headers the outbox relay sets, so consumers are tested against what they really get.
            r.headers().add("ce_type", event.get("type").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .add("ce_id", event.get("id").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            p.send(r).get();
        }
    }
}
