package cn.hanzhong.rectification.platform.inbox;

import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class InboxTest {

    private static final String TOPIC = "platform-test.in";

    @InjectKafka
    LocalKafka kafka;

    @Inject
    CloudEventCodec codec;

    @Inject
    EntityManager em;

    private void send(String key, String value) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            p.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    private long effects(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from test_effect where subject = :s")
                .setParameter("s", subject).getSingleResult()).longValue());
    }

    @Test
    void sameEventDeliveredTwiceHasOneEffect() throws Exception {
        String subject = "dup-" + UUID.randomUUID();
        CloudEvent event = codec.wrap("/test", "thing.created", subject, Map.of("n", 1));
        String json = codec.encode(event);
        send(subject, json);
        send(subject, json);
        CloudEvent marker = codec.wrap("/test", "thing.created", subject + "-after", Map.of("n", 2));
        send(marker.subject(), codec.encode(marker));

        // The later event is processed, so both copies of the first were consumed by then.
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(subject + "-after") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> effects(subject) >= 1);
        assertEquals(1, effects(subject));
    }

    @Test
    void poisonGoesToDeadLetterTopicAndConsumptionContinues() throws Exception {
        String poison = "not an event " + UUID.randomUUID();
        send("poison", poison);
        String subject = "after-poison-" + UUID.randomUUID();
        send(subject, codec.encode(codec.wrap("/test", "thing.created", subject, Map.of())));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(subject) == 1);
        try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(), TOPIC + ".dlq")) {
            ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.containing(poison), l -> !l.isEmpty()).get(0);
            assertNotNull(dead.headers().lastHeader("dead-letter-reason"), "the reason travels in a header");
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(reason.contains("CloudEvents"), reason);
        }
    }
}
