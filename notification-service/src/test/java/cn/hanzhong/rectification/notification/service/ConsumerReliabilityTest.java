package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.platform.testing.DatabaseLink;
import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectDatabaseLink;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.hanzhong.rectification.platform.testing.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The notification consumer: a batch with a poison record in the middle, a replay of the topic, a
 * database outage, an unknown event type, and durable producers.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ConsumerReliabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafka
    LocalKafka kafka;

    @InjectDatabaseLink
    DatabaseLink database;

    @Inject
    EntityManager em;

    private long count(String sql, List<UUID> items) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("ids", items).getSingleResult()).longValue());
    }

    private long notices(List<UUID> items) {
        return count("select count(*) from notification where item_id in (:ids)", items);
    }

    private long deliveries(List<UUID> items, String subscription) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from webhook_delivery where item_id in (:ids) and subscription_id = :sub")
                .setParameter("ids", items).setParameter("sub", UUID.fromString(subscription)).getSingleResult()).longValue());
    }

    private void sendRaw(List<Map.Entry<String, String>> records) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (Map.Entry<String, String> r : records) {
                p.send(new ProducerRecord<>("rectification.issues", r.getKey(), r.getValue()));
            }
            p.flush();
        }
    }

    private static ObjectNode assigned(UUID id, String unit) throws Exception {
        return EventFixtures.event("issue.assigned.json", id, Map.of("leadUnit", unit, "cooperatingUnits", List.of(),
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(100).toString()));
    }

    @Test
    void aPoisonRecordInABatchIsDeadLetteredTheOthersDeliveredOnceAndAReplayAddsNothing() throws Exception {
        String unit = "XXQ";
        String subscription = given().auth().oauth2(TestTokens.office()).contentType(ContentType.JSON)
                .body(Map.of("targetUrl", "http://127.0.0.1:9/none")).post("/api/v1/webhook-subscriptions").then().statusCode(201)
                .extract().path("id");
        List<UUID> items = new ArrayList<>();
        List<Map.Entry<String, String>> batch = new ArrayList<>();
        ObjectNode poison = assigned(UUID.randomUUID(), unit);
        ((ObjectNode) poison.get("data")).remove("code");
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            items.add(id);
            batch.add(Map.entry(id.toString(), JSON.writeValueAsString(assigned(id, unit))));
            if (i == 5) {
                batch.add(Map.entry(poison.get("subject").asText(), JSON.writeValueAsString(poison)));
            }
        }
        sendRaw(batch);
        await().atMost(Duration.ofSeconds(60)).until(() -> notices(items) == 12);
        long delivered = deliveries(items, subscription);
        assertEquals(12, delivered, "one delivery per notice for the office's subscription");
        try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(), "rectification.issues.dlq")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> dlq.containing(poison.get("id").asText()), l -> l.size() == 1);
        }

        // The whole topic again, from the beginning: no notice, no delivery added.
        List<Map.Entry<String, String>> replay = new ArrayList<>();
        try (TopicReader all = new TopicReader(kafka.bootstrapServers(), "rectification.issues")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> all.poll().size() >= batch.size());
            all.poll().forEach(r -> replay.add(Map.entry(r.key(), r.value())));
        }
        UUID marker = UUID.randomUUID();
        replay.add(Map.entry(marker.toString(), JSON.writeValueAsString(assigned(marker, unit))));
        sendRaw(replay);
        await().atMost(Duration.ofSeconds(60)).until(() -> notices(List.of(marker)) == 1);
        assertEquals(12, notices(items));
        given().auth().oauth2(TestTokens.office()).delete("/api/v1/webhook-subscriptions/" + subscription).then().statusCode(200);
        assertEquals(delivered, deliveries(items, subscription));
    }

    @Test
    void eventsWaitingDuringADatabaseOutageAreAllAppliedOnceWithNothingDeadLettered() throws Exception {
        List<UUID> items = new ArrayList<>();
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID id = UUID.randomUUID();
            items.add(id);
            events.add(assigned(id, "NZQ"));
        }
        database.cut();
        try {
            for (ObjectNode e : events) {
                EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", e);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> management().get("/q/health/ready").then().extract().statusCode() == 503
                    && "DOWN".equals(management().get("/q/health/ready").then().extract()
                    .path("checks.find { it.name == 'event-consumer' }.status")));
        } finally {
            database.restore();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from tracked_item where id in (:ids)", items) == 10);
        await().atMost(Duration.ofSeconds(30)).until(() -> management().get("/q/health/ready").then().extract().statusCode() == 200);
        assertEquals(10, notices(items), "one ASSIGNED each");
        try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(), "rectification.issues.dlq")) {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> items.stream().allMatch(id -> dlq.containing(id.toString()).isEmpty()));
        }
    }

    @Test
    void anUnknownEventTypeCreatesNoTrackedItemAndIsCounted() throws Exception {
        UUID id = UUID.randomUUID();
        ObjectNode unknown = assigned(id, "HTQ");
        unknown.put("type", "issue.frobnicated");
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", unknown);
        UUID marker = UUID.randomUUID();
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", assigned(marker, "HTQ"));
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(List.of(marker)) == 1);
        assertEquals(0, count("select count(*) from tracked_item where id in (:ids)", List.of(id)), "no item, no status");
        assertEquals(0, notices(List.of(id)));
        management().get("/q/metrics").then().statusCode(200).body(containsString(
                "consumer_events_ignored_total{consumer=\"notification-service\",type=\"issue.frobnicated\"}"));
    }

}
