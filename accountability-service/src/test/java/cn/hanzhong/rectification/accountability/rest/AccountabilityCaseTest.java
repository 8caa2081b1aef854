package cn.hanzhong.rectification.accountability.rest;

import cn.hanzhong.rectification.accountability.service.Triggers;
import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class AccountabilityCaseTest {

    private static final String EPL_68 = "6f1c6a4e-0000-4000-8000-000000000001";
    private static final String CPC_7 = "6f1c6a4e-0000-4000-8000-000000000002";

    @InjectKafka
    LocalKafka kafka;

    @Inject
    Triggers triggers;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static RequestSpecification discipline() {
        return given().auth().oauth2(TestTokens.builder().roles("discipline").name("市纪委监委 案管室").sign())
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification office() {
        return given().auth().oauth2(TestTokens.office()).contentType(ContentType.JSON);
    }

    /** Makes an issue known to the service, as the issues service's events would. */
    private UUID knownIssue(String file, Map<String, Object> data) throws Exception {
        UUID id = UUID.randomUUID();
        publishIssue(file, id, data);
        return id;
    }

    private void publishIssue(String file, UUID id, Map<String, Object> data) throws Exception {
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event(file, id, data));
    }

    private static int count(String query) {
        return office().get("/api/v1/accountability-cases?" + query).then().statusCode(200).extract().path("totalItems");
    }

    @Test
    void openByHandDecideAndClose() throws Exception {
        // The units directory, as issues-service announces it: the kind in the public summary comes from here.
        ObjectNode unitEvent = EventFixtures.event("unit.registered.json", UUID.randomUUID(),
                Map.of("code", "SSTHJJ", "name", "市生态环境局", "kind", "CITY_DEPARTMENT"));
        unitEvent.put("subject", "SSTHJJ");
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", unitEvent);
        UUID issue = knownIssue("issue.overdue.json", Map.of("code", "FK-" + UUID.randomUUID().toString().substring(0, 6)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                discipline().body(openRequest(issue)).post("/api/v1/accountability-cases").then().statusCode(201));
        String id = discipline().get("/api/v1/accountability-cases?issue=" + issue).then()
                .statusCode(200).extract().path("items[0].id");
        var c = discipline().get("/api/v1/accountability-cases/" + id).then().statusCode(200)
                .body("status", equalTo("OPENED"))
                .body("legalBases.code", contains("EPL-68", "CPC-ACC-7"))
                .body("subjects.size()", equalTo(2))
                .body("allowedActions", contains("START_INVESTIGATION"))
                .extract();
        String person = c.path("subjects[0].id");
        String unit = c.path("subjects[1].id");

        transition(id, Map.of("action", "DECIDE")).statusCode(409).body("allowedActions", contains("START_INVESTIGATION"));
        transition(id, Map.of("action", "START_INVESTIGATION")).statusCode(200).body("status", equalTo("INVESTIGATING"));
        transition(id, Map.of("action", "DECIDE", "decisions", List.of(decision(person, "ADMONISHMENT_TALK"))))
                .statusCode(400).body("violations[0].message", equalTo("every subject needs at least one decision"));
        transition(id, Map.of("action", "DECIDE", "decisions", List.of(decision(person, "PARTY_WARNING"),
                decision(unit, "CIRCULATED_CRITICISM")))).statusCode(200).body("status", equalTo("DECIDED"));
        transition(id, Map.of("action", "CLOSE")).statusCode(200).body("status", equalTo("CLOSED"));
        transition(id, Map.of("action", "OPEN")).statusCode(409);

        // Only disclosable cases count in the public summary, which never names anyone.
        int before = given().get("/api/v1/public/accountability/summary").then().statusCode(200).extract().path("cases");
        discipline().body(Map.of("disclosable", true)).put("/api/v1/accountability-cases/" + id + "/disclosure")
                .then().statusCode(200);
        String summary = given().get("/api/v1/public/accountability/summary").then().statusCode(200)
                .body("cases", equalTo(before + 1))
                .body("bySanction.PARTY_WARNING", greaterThanOrEqualTo(1))
                .body("byUnitKind.CITY_DEPARTMENT", greaterThanOrEqualTo(1))
                .body("bySource.HANDED_OVER_BY_INSPECTION", greaterThanOrEqualTo(1))
                .extract().asString();
        Assertions.assertFalse(summary.contains("王某某"), summary);
        Assertions.assertFalse(summary.contains("市生态环境局局长"), summary);
        Assertions.assertFalse(summary.contains("汉纪发"), summary);
    }

    @Test
    void unknownReferencesAre400() {
        Map<String, Object> body = new HashMap<>(openRequest(UUID.randomUUID()));
        discipline().body(body).post("/api/v1/accountability-cases").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("relatedIssues[0]"));
        body.put("relatedIssues", List.of());
        body.put("legalBases", List.of(UUID.randomUUID().toString()));
        discipline().body(body).post("/api/v1/accountability-cases").then().statusCode(400)
                .body("violations[0].field", equalTo("legalBases[0]"));
    }

    @Test
    void unitsAndTheProvinceAreForbidden() {
        given().auth().oauth2(TestTokens.unit("HTQ")).get("/api/v1/accountability-cases").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.role("province")).get("/api/v1/accountability-cases").then().statusCode(403);
        given().auth().oauth2(TestTokens.role("leader")).get("/api/v1/accountability-cases").then().statusCode(200);
        given().auth().oauth2(TestTokens.role("leader")).contentType(ContentType.JSON).body(openRequest(UUID.randomUUID()))
                .post("/api/v1/accountability-cases").then().statusCode(403);
        given().get("/api/v1/accountability-cases").then().statusCode(401);
        discipline().get("/api/v1/legal-bases").then().statusCode(200).body("items.code", hasItem("SN-ECO-DMG"));
        discipline().body(Map.of("code", "CPC-DISC-1", "title", "中国共产党纪律处分条例", "situation", "违纪行为", "kind",
                "PARTY_REGULATION")).post("/api/v1/legal-bases").then().statusCode(201);
        given().auth().oauth2(TestTokens.unit("HTQ")).get("/api/v1/legal-bases").then().statusCode(403);
    }

    @Test
    void eachTriggerProposesOncePerCause() throws Exception {
        // Overdue: the issue.overdue event, delivered twice, then the watch run twice (as after a restart).
        UUID overdue = UUID.randomUUID();
        ObjectNode event = EventFixtures.event("issue.overdue.json", overdue,
                Map.of("deadline", LocalDate.now(ProgrammeClock.ZONE).minusDays(40).toString(), "overdueSince", LocalDate.now(ProgrammeClock.ZONE).minusDays(39).toString()));
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", event);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", event);
        await().atMost(Duration.ofSeconds(30)).until(() -> triggers.proposeOverdue(LocalDate.now(ProgrammeClock.ZONE)) >= 0
                && count("issue=" + overdue) == 1);
        triggers.proposeOverdue(LocalDate.now(ProgrammeClock.ZONE));
        Assertions.assertEquals(1, count("issue=" + overdue + "&source=OVERDUE_RECTIFICATION&status=PROPOSED"));

        // Repeated rejection: rejection 2 and 3 (two events) propose once.
        UUID rejected = UUID.randomUUID();
        publishIssue("issue.status-changed.reject.json", rejected, Map.of("rejectionCount", 2));
        publishIssue("issue.status-changed.reject.json", rejected, Map.of("rejectionCount", 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("issue=" + rejected) == 1);

        // Recurrence: one proposal per reopening event, however often it is delivered.
        UUID reopened = UUID.randomUUID();
        ObjectNode reopen = EventFixtures.event("issue.reopened.json", reopened, Map.of());
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", reopen);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", reopen);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("issue=" + reopened + "&source=LOOK_BACK_RECURRENCE") == 1);

        // Paper rectification (虚假整改、表面整改): the reopening that comes with it proposes nothing, the finding one case.
        UUID paper = UUID.randomUUID();
        publishIssue("issue.reopened.json", paper, Map.of("action", "LOOK_BACK_PAPER_RECTIFICATION"));
        ObjectNode found = EventFixtures.event("issue.paper-rectification-found.json", paper, Map.of());
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", found);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", found);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("issue=" + paper + "&source=PAPER_RECTIFICATION") == 1);

        // Petition: a concluded petition that held persons accountable, concluded twice (after a return).
        UUID petition = UUID.randomUUID();
        EventFixtures.send(kafka.bootstrapServers(), "rectification.petitions", EventFixtures.event("petition.concluded.json", petition, Map.of()));
        EventFixtures.send(kafka.bootstrapServers(), "rectification.petitions", EventFixtures.event("petition.concluded.json", petition, Map.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("petition=" + petition + "&source=PETITION") == 1);
        // Watch a little longer: no second proposal follows.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> count("petition=" + petition) == 1);
        Assertions.assertEquals(1, count("petition=" + petition));
        Assertions.assertEquals(1, count("issue=" + rejected));
        Assertions.assertEquals(1, count("issue=" + reopened));
        Assertions.assertEquals(1, count("issue=" + paper), "one case for a paper rectification, not a recurrence too");

        // A proposal can be dismissed with a reason.
        String proposal = office().get("/api/v1/accountability-cases?petition=" + petition).then().extract().path("items[0].id");
        transition(proposal, Map.of("action", "DISMISS")).statusCode(400).body("violations[0].field", equalTo("reason"));
        transition(proposal, Map.of("action", "DISMISS", "reason", "已在信访件办理中问责到位")).statusCode(200)
                .body("status", equalTo("DISMISSED"));
        office().get("/api/v1/accountability-cases/" + proposal + "/history").then()
                .body("items.action", hasItem("DISMISS"));
        office().get("/api/v1/accountability-cases/stats").then().statusCode(200)
                .body("bySource", org.hamcrest.Matchers.hasKey("PETITION"));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopic() throws Exception {
        ObjectNode bad = EventFixtures.event("issue.overdue.json", UUID.randomUUID(), Map.of());
        ((ObjectNode) bad.get("data")).remove("code");
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", bad);
        List<String> dead = await().atMost(Duration.ofSeconds(30)).until(() -> cn.hanzhong.rectification.platform.testing
                .TopicReader.valuesWithKey(kafka.bootstrapServers(), "rectification.issues.dlq", bad.get("subject").asText(),
                        Duration.ofSeconds(1)), l -> !l.isEmpty());
        org.hamcrest.MatcherAssert.assertThat(dead.get(0), containsString(bad.get("id").asText()));
        org.hamcrest.MatcherAssert.assertThat(dead.get(0), not(containsString("王某某")));
    }

    private static io.restassured.response.ValidatableResponse transition(String id, Map<String, Object> body) {
        return discipline().body(body).post("/api/v1/accountability-cases/" + id + "/transitions").then();
    }

    private static Map<String, Object> decision(String subject, String sanction) {
        return Map.of("subjectId", subject, "sanction", sanction, "decidingBody", "中共汉中市纪委监委",
                "documentNumber", "汉纪发〔2021〕12号", "date", LocalDate.now(ProgrammeClock.ZONE).minusDays(1).toString());
    }

    private static Map<String, Object> openRequest(UUID issue) {
        return Map.of("source", "HANDED_OVER_BY_INSPECTION",
                "summary", "督察组移交：中心城区扬尘管控不力",
                "allegations", "工作推进不力、措施落实不到位",
                "relatedIssues", List.of(issue.toString()),
                "legalBases", List.of(EPL_68, CPC_7),
                "subjects", List.of(
                        Map.of("kind", "PERSON", "name", "王某某", "post", "市生态环境局局长", "unit", "SSTHJJ", "rankLevel", "县处级"),
                        Map.of("kind", "UNIT", "name", "市生态环境局", "unit", "SSTHJJ")));
    }
}
