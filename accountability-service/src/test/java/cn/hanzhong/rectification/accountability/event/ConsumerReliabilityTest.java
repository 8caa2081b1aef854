package cn.hanzhong.rectification.accountability.event;

import cn.hanzhong.rectification.platform.testing.DatabaseLink;
import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectDatabaseLink;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The accountability consumer through a database outage, with unknown event types, and its producers. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ConsumerReliabilityTest {

    @InjectKafka
    LocalKafka kafka;

    @InjectDatabaseLink
    DatabaseLink database;

    @Inject
    EntityManager em;

    private long tracked(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from tracked_issue where id in (:ids)").setParameter("ids", ids).getSingleResult()).longValue());
    }

    @Test
    void eventsWaitingDuringADatabaseOutageAreEachAppliedOnceAndNoneIsDeadLettered() throws Exception {
        List<UUID> issues = new ArrayList<>();
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID id = UUID.randomUUID();
            issues.add(id);
            events.add(EventFixtures.event("issue.overdue.json", id, Map.of("deadline", LocalDate.now(ProgrammeClock.ZONE).minusDays(3).toString())));
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
        await().atMost(Duration.ofSeconds(60)).until(() -> tracked(issues) == issues.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> management().get("/q/health/ready").then().extract().statusCode() == 200);
        try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(), "rectification.issues.dlq")) {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> issues.stream().allMatch(id -> dlq.containing(id.toString()).isEmpty()));
        }
        long processed = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id in (:ids)")
                .setParameter("ids", events.stream().map(e -> UUID.fromString(e.get("id").asText())).toList())
                .getSingleResult()).longValue());
        assertEquals(issues.size(), processed, "every event applied once");
    }

    @Test
    void anUnknownEventTypeChangesNoRowAndIsCounted() throws Exception {
        UUID id = UUID.randomUUID();
        ObjectNode unknown = EventFixtures.event("issue.assigned.json", id, Map.of());
        unknown.put("type", "issue.frobnicated");
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", unknown);
        UUID marker = UUID.randomUUID();
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event("issue.assigned.json", marker, Map.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> tracked(List.of(marker)) == 1);
        assertEquals(0, tracked(List.of(id)), "no projection row from an unknown type");
        management().get("/q/metrics").then().statusCode(200).body(containsString(
                "consumer_events_ignored_total{consumer=\"accountability-service\",type=\"issue.frobnicated\"}"));
    }

    @Test
    void theBrokerIsReportedApartFromReadiness() {
        management().get("/q/health/group/broker").then().statusCode(200).body("status", equalTo("UP"));
    }
}
