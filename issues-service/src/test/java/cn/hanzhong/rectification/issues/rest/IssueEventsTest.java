package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.service.OverdueWatch;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.IssueApi.LEAD;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.transition;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events on {@code rectification.issues}, read from the real broker. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class IssueEventsTest {

    private static final List<String> FACTS = List.of("id", "code", "title", "category", "leadUnit",
            "cooperatingUnits", "deadline", "status", "progressPercent");

    @InjectKafka
    LocalKafka kafka;

    @Inject
    OverdueWatch overdueWatch;

    @Test
    void eachChangePublishesItsEventExactlyOnce() throws Exception {
        String id = IssueApi.register(IssueApi.unique("嘉陵江断面水质"));
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD, "cooperatingUnits", List.of("LYX"),
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(5).toString())).statusCode(200);
        transition(unit(LEAD), id, Map.of("action", "START")).statusCode(200);
        unit(LEAD).body(Map.of("period", YearMonth.now(ProgrammeClock.ZONE).toString(), "percent", 60, "narrative", "断面监测达标"))
                .post("/api/v1/issues/" + id + "/progress-reports").then().statusCode(201);
        String ext = unit(LEAD).body(Map.of("proposedDeadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(20).toString(), "reason", "汛期"))
                .post("/api/v1/issues/" + id + "/deadline-extensions").then().statusCode(201).extract().path("id");
        office().body(Map.of("decision", "APPROVE"))
                .post("/api/v1/issues/" + id + "/deadline-extensions/" + ext + "/decision").then().statusCode(200);
        // The deadline passes without sign-off: the watch (as of a later day) publishes issue.overdue once.
        overdueWatch.publishOverdue(LocalDate.now(ProgrammeClock.ZONE).plusDays(21));
        overdueWatch.publishOverdue(LocalDate.now(ProgrammeClock.ZONE).plusDays(22));
        transition(unit(LEAD), id, Map.of("action", "REQUEST_ACCEPTANCE", "evidence", "监测报告", "selfAssessment", "达标"))
                .statusCode(200);
        transition(office(), id, Map.of("action", "ACCEPT", "opinion", "同意销号", "reason", "涉密事项，不予公示")).statusCode(200);
        transition(office(), id, Map.of("action", "REOPEN", "reason", "回头看发现超标", "deadlineWorkingDays", 20)).statusCode(200);

        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(() -> IssueApi.events(kafka, id),
                e -> e.stream().anyMatch(x -> x.get("type").asText().equals("issue.reopened")));

        List<String> types = events.stream().map(e -> e.get("type").asText()).toList();
        for (String type : List.of("issue.registered", "issue.assigned", "issue.progress-reported",
                "issue.deadline-changed", "issue.overdue", "issue.signed-off", "issue.reopened")) {
            assertEquals(1, types.stream().filter(type::equals).count(), type + " exactly once in " + types);
        }
        // ASSIGN, START, REQUEST_ACCEPTANCE, ACCEPT, REOPEN
        assertEquals(5, types.stream().filter("issue.status-changed"::equals).count(), types.toString());

        for (JsonNode e : events) {
            assertEquals("/issues-service", e.get("source").asText());
            assertEquals(id, e.get("subject").asText());
            for (String field : FACTS) {
                assertTrue(e.get("data").has(field), e.get("type").asText() + " carries " + field);
            }
        }
        JsonNode assigned = only(events, "issue.assigned").get("data");
        assertEquals(LEAD, assigned.get("leadUnit").asText());
        assertEquals("LYX", assigned.get("cooperatingUnits").get(0).asText());
        assertEquals("ASSIGNED", assigned.get("status").asText());

        JsonNode changed = events.stream().filter(e -> e.get("type").asText().equals("issue.status-changed"))
                .filter(e -> e.get("data").get("action").asText().equals("START")).findFirst().orElseThrow().get("data");
        assertEquals("ASSIGNED", changed.get("from").asText());
        assertEquals("IN_PROGRESS", changed.get("to").asText());
        assertEquals(LEAD, changed.get("actorUnit").asText());

        JsonNode deadline = only(events, "issue.deadline-changed").get("data");
        assertEquals(LocalDate.now(ProgrammeClock.ZONE).plusDays(5).toString(), deadline.get("oldDeadline").asText());
        assertEquals(LocalDate.now(ProgrammeClock.ZONE).plusDays(20).toString(), deadline.get("newDeadline").asText());

        JsonNode overdue = only(events, "issue.overdue").get("data");
        assertEquals(LocalDate.now(ProgrammeClock.ZONE).plusDays(20).toString(), overdue.get("deadline").asText());

        JsonNode signedOff = only(events, "issue.signed-off").get("data");
        assertEquals("SIGNED_OFF", signedOff.get("status").asText());
        assertFalse(signedOff.get("acceptedBy").asText().isBlank());

        assertEquals("回头看发现超标", only(events, "issue.reopened").get("data").get("reason").asText());
        assertEquals(60, only(events, "issue.progress-reported").get("data").get("percent").asInt());
    }

    private static JsonNode only(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asText().equals(type)).findFirst().orElseThrow();
    }
}
