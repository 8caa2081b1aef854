package cn.hanzhong.rectification.platform.tracing;

import cn.hanzhong.rectification.platform.support.EffectConsumer;
import cn.hanzhong.rectification.platform.support.ThingResource;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spans of one change along the event path, read from an in-memory exporter: the HTTP request (continuing
 * the caller's traceparent), the outbox row written under it, the relay's PRODUCER span whose context the Kafka
 * record carries, and the consumer's CONSUMER span that applies the event — one trace, each span the child of
 * the one before.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class TraceChainTest {

    @InjectKafka
    LocalKafka kafka;

    @Inject
    EntityManager em;

    @Inject
    InMemorySpanExporter spans;

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }

    private Object one(String sql, String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).setParameter("id", eventId).getSingleResult());
    }

    private List<SpanData> trace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static SpanData one(List<SpanData> spans, SpanKind kind, String name) {
        List<SpanData> found = spans.stream().filter(s -> s.getKind() == kind && s.getName().equals(name)).toList();
        assertEquals(1, found.size(), kind + " " + name + " once in " + spans);
        return found.get(0);
    }

    @Test
    void theRequestTheOutboxRowTheRecordAndTheConsumersWorkAreOneTrace() throws Exception {
        String traceId = hex(16);
        String callerSpan = hex(8);
        int id = given().auth().oauth2(TestTokens.office()).contentType("application/json")
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body("{\"name\": \"traced-" + System.nanoTime() + "\"}")
                .post("/test/things").then().statusCode(201).extract().path("id");

        // The relay publishes the row; the record carries the trace on.
        ConsumerRecord<String, String> published;
        try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), ThingResource.TOPIC)) {
            published = await().atMost(Duration.ofSeconds(30))
                    .until(() -> reader.containing("\"id\":" + id + ","), l -> !l.isEmpty()).get(0);
        }
        String eventId = new String(published.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        String recordTraceparent = new String(published.headers().lastHeader(Tracing.TRACEPARENT).value(), StandardCharsets.UTF_8);
        String rowTraceparent = (String) one("select trace_parent from outbox_event where event_id = cast(:id as uuid)", eventId);
        assertNotNull(rowTraceparent, "the outbox row keeps the change's trace context");
        assertEquals(traceId, rowTraceparent.split("-")[1], "the row is of the request's trace");
        assertEquals(traceId, recordTraceparent.split("-")[1], "the record is of the request's trace");

        // Delivered to a consumer, as the broker delivers it to another service (same value, same headers).
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            p.send(new ProducerRecord<>(EffectConsumer.TOPIC, null, published.key(), published.value(), published.headers())).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) one(
                "select count(*) from test_effect where event_id = cast(:id as uuid)", eventId)).intValue() == 1);

        String producerName = ThingResource.TOPIC + " publish";
        String consumerName = EffectConsumer.TOPIC + " process";
        List<SpanData> chain = await().atMost(Duration.ofSeconds(30)).until(() -> trace(traceId),
                l -> l.stream().anyMatch(s -> s.getName().equals(consumerName)) && l.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER));
        List<SpanData> servers = chain.stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
        assertEquals(1, servers.size(), "one request in the trace: " + chain);
        SpanData server = servers.get(0);
        SpanData producer = one(chain, SpanKind.PRODUCER, producerName);
        SpanData consumer = one(chain, SpanKind.CONSUMER, consumerName);

        assertEquals(callerSpan, server.getParentSpanId(), "the request continues the caller's trace");
        assertTrue(server.getName().contains("/test/things"), "the request's span: " + server.getName());
        String rowSpan = rowTraceparent.split("-")[2];
        assertTrue(chain.stream().anyMatch(s -> s.getSpanId().equals(rowSpan)), "the row was written under a span of the request: " + rowSpan);
        assertEquals(rowSpan, producer.getParentSpanId(), "the publication is the child of the change's span");
        assertEquals(producer.getSpanId(), recordTraceparent.split("-")[2], "the record carries the publication's span");
        assertEquals(producer.getSpanId(), consumer.getParentSpanId(), "the consumer's work is the child of the publication");
        for (SpanData s : List.of(producer, consumer)) {
            assertEquals(eventId, s.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("cloudevents.event_id")), s.getName());
            assertEquals("kafka", s.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("messaging.system")), s.getName());
        }
        assertTrue(producer.getStartEpochNanos() >= server.getStartEpochNanos(), "published after the request began");
        assertTrue(consumer.getStartEpochNanos() >= producer.getStartEpochNanos(), "applied after it was published");
        System.out.printf("[trace] %s: %s → %s → %s (%d spans in the trace)%n", traceId, server.getName(), producer.getName(),
                consumer.getName(), chain.size());
    }
}
