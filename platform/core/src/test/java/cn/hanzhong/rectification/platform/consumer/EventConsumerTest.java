package cn.hanzhong.rectification.platform.consumer;

import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import cn.hanzhong.rectification.platform.kafka.KafkaClients;
import cn.hanzhong.rectification.platform.support.EffectConsumer;
import cn.hanzhong.rectification.platform.testing.DatabaseLink;
import cn.hanzhong.rectification.platform.testing.InjectDatabaseLink;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.testing.TopicReader;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.hanzhong.rectification.platform.testing.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch consumer: once per event, poison to the DLQ, transient failures retried, unknown types ignored, re-drive. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class EventConsumerTest {

    private static final String TOPIC = EffectConsumer.TOPIC;
    private static final String DLQ = TOPIC + DeadLetters.SUFFIX;

    @InjectKafka
    LocalKafka kafka;

    @InjectDatabaseLink
    DatabaseLink database;

    @Inject
    CloudEventCodec codec;

    @Inject
    EntityManager em;

    @Inject
    KafkaClients clients;

    private void send(List<Map.Entry<String, String>> records) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (Map.Entry<String, String> r : records) {
                p.send(new ProducerRecord<>(TOPIC, r.getKey(), r.getValue()));
            }
            p.flush();
        }
    }

    private void send(String key, String value) throws Exception {
        send(List.of(Map.entry(key, value)));
    }

    private String event(String type, String subject) {
        return codec.encode(codec.wrap("/test", type, subject, Map.of("n", 1)));
    }

    private long effects(String subjectPrefix) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from test_effect where subject like :s")
                .setParameter("s", subjectPrefix + "%").getSingleResult()).longValue());
    }

    private void block(String subject, boolean blocked) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(blocked
                        ? "insert into test_blocked (subject) values (:s)" : "delete from test_blocked where subject = :s")
                .setParameter("s", subject).executeUpdate());
    }

    private static List<ConsumerRecord<String, String>> deadLetters(TopicReader dlq, String text) {
        return dlq.containing(text);
    }

    @Test
    void sameEventDeliveredTwiceHasOneEffect() throws Exception {
        String subject = "dup-" + UUID.randomUUID();
        String json = event("thing.created", subject);
        send(subject, json);
        send(subject, json);
        send(subject + "-after", event("thing.created", subject + "-after"));

        // The later event is processed, so both copies of the first were consumed by then.
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(subject + "-after") == 1);
        assertEquals(2, effects(subject), "one for the event, one for the marker");
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsDeadLetteredAndTheOthersAppliedOnce() throws Exception {
        String run = "batch-" + UUID.randomUUID();
        String poison = "not an event " + run;
        String refused = run + "-refused";
        block(refused, true);
        List<Map.Entry<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(Map.entry(run + "-" + i, event("thing.created", run + "-" + i)));
            if (i == 4) {
                batch.add(Map.entry("poison", poison));
                batch.add(Map.entry(refused, event("thing.created", refused)));
            }
        }
        send(batch);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(run + "-") == 10);
        try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(), DLQ)) {
            ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30))
                    .until(() -> deadLetters(dlq, poison), l -> !l.isEmpty()).get(0);
            String reason = header(dead, DeadLetters.REASON);
            assertTrue(reason.contains("CloudEvents"), reason);
            assertEquals("platform-test", header(dead, DeadLetters.CONSUMER), "which consumer group gave up");
            assertEquals(TOPIC, header(dead, DeadLetters.TOPIC));
            ConsumerRecord<String, String> violation = await().atMost(Duration.ofSeconds(30))
                    .until(() -> deadLetters(dlq, refused), l -> !l.isEmpty()).get(0);
            assertTrue(header(violation, DeadLetters.REASON).contains("not acceptable"));
        }

        // A replay of the topic from the beginning adds nothing.
        List<Map.Entry<String, String>> replay = new ArrayList<>();
        try (TopicReader all = new TopicReader(kafka.bootstrapServers(), TOPIC)) {
            // ten events, the poison and the refused one
            await().atMost(Duration.ofSeconds(30)).until(() -> all.containing(run), l -> l.size() == 12)
                    .forEach(r -> replay.add(Map.entry(r.key(), r.value())));
        }
        String marker = run + "-replayed-marker";
        replay.add(Map.entry(marker, event("thing.created", marker)));
        send(replay);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(marker) == 1);
        assertEquals(11, effects(run + "-"), "the ten, the marker, nothing twice");
    }

    @Test
    void aDatabaseOutageDeadLettersNothingAndEveryEventIsAppliedOnceAfterIt() throws Exception {
        String run = "outage-" + UUID.randomUUID();
        database.cut();
        try {
            List<Map.Entry<String, String>> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(Map.entry(run + "-" + i, event("thing.created", run + "-" + i)));
            }
            send(batch);
            // Not ready while the consumer waits for the database, and it keeps retrying. (The readiness
            // turns 503 first from the datasource check; the consumer's own check follows at its next retry.)
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                var ready = management().get("/q/health/ready");
                return ready.statusCode() == 503
                        && "DOWN".equals(ready.jsonPath().getString("checks.find { it.name == 'event-consumer' }.status"));
            });
            management().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'event-consumer' }.status", equalTo("DOWN"));
        } finally {
            database.restore();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> effects(run + "-") == 20);
        await().atMost(Duration.ofSeconds(30)).until(() -> management().get("/q/health/ready").then().extract().statusCode() == 200);
        try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(), DLQ)) {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> deadLetters(dlq, run).isEmpty());
        }
        assertEquals(20, effects(run + "-"), "each once");
    }

    @Test
    void anUnknownEventTypeChangesNothingAndIsCounted() throws Exception {
        String subject = "unknown-" + UUID.randomUUID();
        send(subject, event("thing.frobnicated", subject));
        send(subject + "-marker", event("thing.created", subject + "-marker"));
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(subject + "-marker") == 1);
        assertEquals(1, effects(subject), "only the marker");
        long inbox = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_type = 'thing.frobnicated'").getSingleResult()).longValue());
        assertEquals(0, inbox, "not even an inbox row");
        management().get("/q/metrics").then().statusCode(200)
                .body(containsString("consumer_events_ignored_total{consumer=\"platform-test\",type=\"thing.frobnicated\"}"));
    }

    @Test
    void aFixedDeadLetterReDrivenIsAppliedOnce() throws Exception {
        String subject = "redrive-" + UUID.randomUUID();
        block(subject, true);
        send(subject, event("thing.created", subject));
        try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(), DLQ)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(dlq, subject), l -> !l.isEmpty());
        }
        assertEquals(0, effects(subject));

        given().auth().oauth2(TestTokens.unit("HTQ")).post("/api/v1/dead-letters/redrive").then().statusCode(403);
        block(subject, false); // the cause is fixed
        given().auth().oauth2(TestTokens.office()).post("/api/v1/dead-letters/redrive").then().statusCode(200)
                .body("deadLetteredAgain", equalTo(0));
        assertEquals(1, effects(subject));
        // Again: nothing left to re-drive, nothing applied twice.
        given().auth().oauth2(TestTokens.office()).post("/api/v1/dead-letters/redrive").then().statusCode(200)
                .body("applied", equalTo(0));
        assertEquals(1, effects(subject));
    }

    @Test
    void everyProducerIsDurable() {
        Map<String, Map<String, Object>> producers = clients.producers();
        assertTrue(producers.keySet().containsAll(List.of("platform-test-outbox", "platform-test-dlq")), producers.keySet().toString());
        producers.forEach((client, settings) -> {
            assertTrue(List.of("all", "-1").contains(String.valueOf(settings.get(ProducerConfig.ACKS_CONFIG))), client + " acks");
            assertEquals(Boolean.TRUE, settings.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), client + " idempotence");
        });
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
