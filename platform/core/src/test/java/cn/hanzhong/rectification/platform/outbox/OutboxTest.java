package cn.hanzhong.rectification.platform.outbox;

import cn.hanzhong.rectification.platform.support.ThingResource;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static cn.hanzhong.rectification.platform.testing.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class OutboxTest {

    @InjectKafka
    LocalKafka kafka;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    private static int create(String name) {
        return given().auth().oauth2(TestTokens.office()).contentType("application/json")
                .body("{\"name\": \"" + name + "\"}")
                .post("/test/things")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void committedChangeReachesTheBrokerAsCloudEvent() throws Exception {
        int id = create("air-" + System.nanoTime());
        try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), ThingResource.TOPIC)) {
            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                    .until(() -> reader.containing("\"id\":" + id + ","), l -> !l.isEmpty()).get(0);
            assertEquals(Integer.toString(id), record.key(), "key is the aggregate id");
            assertEquals("thing.created",
                    new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
            JsonNode event = mapper.readTree(record.value());
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("/platform-test", event.get("source").asText());
            assertEquals("thing.created", event.get("type").asText());
            assertEquals(Integer.toString(id), event.get("subject").asText());
            assertEquals("application/json", event.get("datacontenttype").asText());
            assertTrue(event.get("time").asText().endsWith("+08:00"), event.get("time").asText());
            assertEquals(id, event.get("data").get("id").asInt());
        }
    }

    @Inject
    Outbox outbox;

    @Test
    void eventsWrittenInOneBatchReachTheBrokerOnceEachInTheirOrder() throws Exception {
        String run = "bulk-" + System.nanoTime();
        List<Outbox.Pending> pending = java.util.stream.IntStream.range(0, 120)
                .mapToObj(i -> new Outbox.Pending(ThingResource.TOPIC, "thing.bulk", run,
                        java.util.Map.of("bulk", run + "-" + i)))
                .toList();
        List<String> ids = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(pending))
                .stream().map(e -> e.id().toString()).toList();
        assertEquals(120, ids.size());
        try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), ThingResource.TOPIC)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> reader.containing("\"" + run + "-"), l -> l.size() >= 120);
            assertEquals(ids, records.stream().map(r -> {
                try {
                    return mapper.readTree(r.value()).get("id").asText();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList(), "each once, in the order given (one aggregate key, one partition)");
            assertTrue(records.stream().allMatch(r -> run.equals(r.key())));
        }
    }

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Test
    void anAggregateWhoseEarlierEventIsNotInTheBatchWaitsAndTheOthersGo() throws Exception {
        // Rows written in this test's own transaction, never committed: the check sees them, the running relays don't.
        String held = "held-" + System.nanoTime();
        String free = "free-" + System.nanoTime();
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long first = insertPending(c, held);
                long second = insertPending(c, held);
                long other = insertPending(c, free);
                long otherNext = insertPending(c, free);
                // The batch lacks the held aggregate's first row (another instance took it): that aggregate waits.
                List<OutboxRelay.Row> batch = List.of(row(second, held), row(other, free), row(otherNext, free));
                assertEquals(List.of(other, otherNext), relay.withoutAggregatesHeldElsewhere(c, batch).stream()
                        .map(OutboxRelay.Row::id).toList());
                // With its first row in the batch, nothing waits.
                List<OutboxRelay.Row> whole = List.of(row(first, held), row(second, held), row(other, free));
                assertEquals(List.of(first, second, other), relay.withoutAggregatesHeldElsewhere(c, whole).stream()
                        .map(OutboxRelay.Row::id).toList());
            } finally {
                c.rollback();
            }
        }
    }

    private static OutboxRelay.Row row(long id, String aggregate) {
        return new OutboxRelay.Row(id, ThingResource.TOPIC, aggregate, "thing.held", java.util.UUID.randomUUID().toString(), "{}", null);
    }

    private static long insertPending(java.sql.Connection c, String aggregate) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("insert into outbox_event (event_id, topic, aggregate_id, "
                + "event_type, payload, created_at) values (gen_random_uuid(), ?, ?, 'thing.held', '{}', now()) returning id")) {
            ps.setString(1, ThingResource.TOPIC);
            ps.setString(2, aggregate);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void writeSucceedsWhileBrokerIsDownAndEventArrivesOnceAfter() {
        String name = "outage-" + System.nanoTime();
        kafka.stop();
        try {
            // The write commits without the broker: only the outbox row is written in the request.
            given().auth().oauth2(TestTokens.office()).contentType("application/json")
                    .body("{\"name\": \"" + name + "\"}")
                    .post("/test/things")
                    .then().statusCode(201);
            await().atMost(Duration.ofSeconds(20)).until(OutboxTest::pendingMetric, n -> n >= 1);
            // Writes work, so the service stays in rotation; the broker group says what is wrong.
            management().get("/q/health/ready").then().statusCode(200);
            management().get("/q/health/group/broker").then().statusCode(503)
                    .body("checks.find { it.name == 'broker and outbox' }.data.broker", equalTo("unreachable"));
        } finally {
            kafka.restart();
        }
        try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), ThingResource.TOPIC)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> reader.containing(name), l -> !l.isEmpty());
            // Keep reading a while: a resend would show up as a second copy.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> reader.containing(name).size() == 1);
            List<ConsumerRecord<String, String>> copies = reader.containing(name);
            assertEquals(1, copies.size(), "exactly one copy of the event on the topic");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                management().get("/q/health/group/broker").then().statusCode(200)
                        .body("checks.find { it.name == 'broker and outbox' }.data.pending", equalTo(0)));
    }

    /** The {@code outbox_pending} gauge as Prometheus exposes it. */
    static double pendingMetric() {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("outbox_pending"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    @Test
    void rolledBackChangeLeavesNoEvent() {
        String name = "reject-" + System.nanoTime();
        given().auth().oauth2(TestTokens.office()).contentType("application/json")
                .body("{\"name\": \"" + name + "\"}")
                .post("/test/things")
                .then().statusCode(409);
        Number rows = (Number) em.createNativeQuery(
                "select count(*) from outbox_event where payload like :p").setParameter("p", "%" + name + "%")
                .getSingleResult();
        assertEquals(0, rows.intValue(), "no outbox row survives a rollback");
        Number things = (Number) em.createNativeQuery("select count(*) from test_thing where name = :n")
                .setParameter("n", name).getSingleResult();
        assertEquals(0, things.intValue());
    }

}
