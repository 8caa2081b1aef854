package cn.hanzhong.rectification.accountability.rest;

import cn.hanzhong.rectification.accountability.service.Triggers;
import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A case worked from the automatic proposal to a reviewed decision, as discipline bodies work it. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CaseWorkTest {

    private static final String ECO_5 = "6f1c6a4e-0000-4000-8000-000000000003";
    private static final String CASES = "/api/v1/accountability-cases";

    @InjectKafka
    LocalKafka kafka;

    @Inject
    Triggers triggers;

    @Inject
    EntityManagerFactory emf;

    private static RequestSpecification discipline() {
        return given().auth().oauth2(TestTokens.builder().roles("discipline").name("市纪委监委 案管室").sign())
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification office() {
        return given().auth().oauth2(TestTokens.office()).contentType(ContentType.JSON);
    }

    private static String etag(String id) {
        return office().get(CASES + "/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void aSupervisionOrderReturnedTwiceOrOverdueProposesOneCaseForItsUnitAndIssues() throws Exception {
        UUID issue = UUID.randomUUID();
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event("issue.assigned.json", issue,
                Map.of("leadUnit", "NZQ", "responsibleOfficials", List.of(Map.of("name", "赵某", "post", "南郑区副区长")))));
        // The order's events come on another key (partition) than the issue's: let the issue be known first.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var em = emf.createEntityManager()) {
                return ((Number) em.createNativeQuery("select count(*) from tracked_issue where id = :id")
                        .setParameter("id", issue).getSingleResult()).intValue() == 1;
            }
        });
        UUID order = UUID.randomUUID();
        Map<String, Object> once = Map.of("unit", "NZQ", "issueIds", List.of(issue.toString()), "status", "RETURNED", "returnCount", 1);
        ObjectNode returnedOnce = EventFixtures.event("supervision-order.issued.json", order, once);
        returnedOnce.put("type", "supervision-order.returned");
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", returnedOnce);
        ObjectNode returnedTwice = EventFixtures.event("supervision-order.issued.json", order,
                Map.of("unit", "NZQ", "issueIds", List.of(issue.toString()), "status", "RETURNED", "returnCount", 2));
        returnedTwice.put("type", "supervision-order.returned");
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", returnedTwice);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event("supervision-order.overdue.json", order,
                Map.of("unit", "NZQ", "issueIds", List.of(issue.toString()))));
        await().atMost(Duration.ofSeconds(30)).until(() -> office().queryParam("issue", issue.toString()).get(CASES).then()
                .extract().<Integer>path("totalItems") == 1);
        // Once per order, though returned twice and then overdue too.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> office().queryParam("issue", issue.toString())
                .get(CASES).then().extract().<Integer>path("totalItems") == 1);
        String id = office().queryParam("issue", issue.toString()).get(CASES).then().extract().path("items[0].id");
        office().get(CASES + "/" + id).then().statusCode(200)
                .body("source", equalTo("SUPERVISION_ORDER"))
                .body("subjects.find { it.kind == 'UNIT' }.unit", equalTo("NZQ"))
                .body("subjects.find { it.kind == 'PERSON' }.name", equalTo("赵某"))
                .body("triggerFacts.returnCount", equalTo(2))
                .body("legalBases.code", hasItem("CPC-ACC-7"));
    }

    @Test
    void anOverdueIssueBecomesAProposalWithItsOfficialsIsWorkedDecidedAndReviewed() throws Exception {
        LocalDate today = LocalDate.now(ProgrammeClock.ZONE);
        UUID issue = UUID.randomUUID();
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event("issue.overdue.json", issue,
                Map.of("leadUnit", "SSTHJJ", "deadline", today.minusDays(40).toString(),
                        "overdueSince", today.minusDays(39).toString(),
                        "responsibleOfficials", List.of(Map.of("name", "王某", "post", "市生态环境局局长")))));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            triggers.proposeOverdue(today);
            return office().queryParam("issue", issue.toString()).get(CASES).then().extract().<Integer>path("totalItems") == 1;
        });
        String id = office().queryParam("issue", issue.toString()).get(CASES).then().extract().path("items[0].id");

        // The proposal arrives useful: the lead unit and the issue's official, the trigger's facts, a suggested basis.
        office().get(CASES + "/" + id).then().statusCode(200)
                .body("status", equalTo("PROPOSED"))
                .body("subjects.find { it.kind == 'UNIT' }.unit", equalTo("SSTHJJ"))
                .body("subjects.find { it.kind == 'PERSON' }.name", equalTo("王某"))
                .body("subjects.find { it.kind == 'PERSON' }.post", equalTo("市生态环境局局长"))
                .body("triggerFacts.daysOverdue", equalTo(40))
                .body("legalBases.code", hasItem("CPC-ACC-7"));
        JsonPath before = office().get(CASES + "/stats").then().statusCode(200).extract().jsonPath();

        // Discipline works it: a person subject with a rank band, a legal basis with the article relied on.
        discipline().body(Map.of("addSubjects", List.of(Map.of("kind", "PERSON", "name", "李某"))))
                .patch(CASES + "/" + id).then().statusCode(400).body("violations.field", hasItem("reason"));
        discipline().body(Map.of("reason", "r", "addSubjects", List.of(Map.of("kind", "PERSON", "name", "李某",
                "rankLevel", "副部级")))).patch(CASES + "/" + id).then().statusCode(400)
                .body("violations.field", hasItem("addSubjects[0].rankLevel"));
        given().auth().oauth2(TestTokens.unit("SSTHJJ")).contentType(ContentType.JSON).body(Map.of("reason", "r"))
                .patch(CASES + "/" + id).then().statusCode(403);
        discipline().header("If-Match", etag(id)).body(Map.of("reason", "调查发现分管副局长负有直接责任",
                        "addSubjects", List.of(Map.of("kind", "PERSON", "name", "李某", "post", "市生态环境局副局长",
                                "rankLevel", "乡科级", "unit", "SSTHJJ")),
                        "addLegalBases", List.of(Map.of("legalBasisId", ECO_5, "article", "第五条第（三）项")),
                        "allegations", "督促整改不力，致扬尘问题逾期未整改"))
                .patch(CASES + "/" + id).then().statusCode(200)
                .body("subjects.size()", equalTo(3))
                .body("subjects.find { it.name == '李某' }.rankLevel", equalTo("TOWNSHIP"))
                .body("legalBases.code", hasItems("CPC-ACC-7", "ECO-DMG-5"))
                .body("citedArticles." + ECO_5, equalTo("第五条第（三）项"));
        // The amendment is announced (the issues and petitions services follow the related records), without names.
        List<String> amended = await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.valuesWithKey(
                kafka.bootstrapServers(), "rectification.accountability", id, Duration.ofSeconds(1)).stream()
                .filter(v -> v.contains("accountability.case-amended")).toList(), v -> !v.isEmpty());
        assertTrue(amended.get(0).contains(issue.toString()), amended.get(0));
        assertFalse(amended.get(0).contains("李某"), amended.get(0));

        // Investigation and a decision per subject.
        discipline().body(Map.of("action", "OPEN")).post(CASES + "/" + id + "/transitions").then().statusCode(200);
        discipline().body(Map.of("action", "START_INVESTIGATION")).post(CASES + "/" + id + "/transitions").then().statusCode(200);
        List<Map<String, Object>> subjects = office().get(CASES + "/" + id).then().extract().path("subjects");
        List<Map<String, Object>> decisions = subjects.stream().map(s -> Map.<String, Object>of(
                "subjectId", s.get("id"), "sanction", s.get("kind").equals("UNIT") ? "CIRCULATED_CRITICISM"
                        : s.get("name").equals("李某") ? "ADMONISHMENT_TALK" : "PARTY_WARNING",
                "decidingBody", "中共汉中市纪委监委", "documentNumber", "汉纪发〔2026〕12号",
                "date", today.minusDays(1).toString())).toList();
        discipline().body(Map.of("action", "DECIDE", "decisions", decisions)).post(CASES + "/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("DECIDED"));

        // After the decision nothing changes but through a recorded review.
        discipline().body(Map.of("reason", "补充", "allegations", "x")).patch(CASES + "/" + id).then().statusCode(409);
        String li = subjects.stream().filter(s -> s.get("name").equals("李某")).findFirst().orElseThrow().get("id").toString();
        discipline().body(Map.of("subjectId", li, "outcome", "CHANGED", "sanction", "ADMONISHMENT_TALK",
                        "decidingBody", "中共汉中市纪委监委", "documentNumber", "汉纪复〔2026〕3号", "date", today.toString()))
                .post(CASES + "/" + id + "/reviews").then().statusCode(400).body("violations.field", hasItem("sanction"));
        discipline().body(Map.of("subjectId", li, "outcome", "CHANGED", "sanction", "PARTY_WARNING",
                        "decidingBody", "中共汉中市纪委监委", "documentNumber", "汉纪复〔2026〕3号", "date", today.toString(),
                        "reason", "申诉复核认定情节较重"))
                .post(CASES + "/" + id + "/reviews").then().statusCode(200)
                .body("decisions.find { it.subjectId == '" + li + "' }.sanction", equalTo("PARTY_WARNING"))
                .body("decisions.find { it.subjectId == '" + li + "' }.documentNumber", equalTo("汉纪复〔2026〕3号"))
                .body("reviews[0].sanctionBefore", equalTo("ADMONISHMENT_TALK"))
                .body("reviews[0].outcome", equalTo("CHANGED"));
        given().auth().oauth2(TestTokens.unit("SSTHJJ")).contentType(ContentType.JSON).body(Map.of())
                .post(CASES + "/" + id + "/reviews").then().statusCode(403);

        // The history tells every step, with the reasons.
        office().queryParam("size", 100).get(CASES + "/" + id + "/history").then().statusCode(200)
                .body("items.action", hasItems("PROPOSED", "AMEND", "OPEN", "START_INVESTIGATION", "DECIDE", "REVIEW"))
                .body("items.find { it.action == 'AMEND' && it.field == 'subjects' }.reason", equalTo("调查发现分管副局长负有直接责任"))
                .body("items.find { it.action == 'REVIEW' }.oldValue", equalTo("ADMONISHMENT_TALK"))
                .body("items.find { it.action == 'REVIEW' }.newValue", equalTo("PARTY_WARNING"));

        // The figures count the decisions in force.
        JsonPath after = office().get(CASES + "/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(2, delta(before, after, "personsHeld"), "personsHeld");
        assertEquals(1, delta(before, after, "unitsHeld"), "unitsHeld");
        assertEquals(1, delta(before, after, "byRankBand.TOWNSHIP"), "byRankBand.TOWNSHIP");
        assertEquals(2, delta(before, after, "bySanction.PARTY_WARNING"), "bySanction.PARTY_WARNING");
        assertEquals(0, delta(before, after, "bySanction.ADMONISHMENT_TALK"), "bySanction.ADMONISHMENT_TALK");
        assertEquals(3, delta(before, after, "byCause.OVERDUE_RECTIFICATION"), "byCause.OVERDUE_RECTIFICATION");
        assertEquals(3, delta(before, after, "byUnit.SSTHJJ"), "byUnit.SSTHJJ");

        // The public summary: totals, never names.
        long publicBefore = given().get("/api/v1/public/accountability/summary").then().extract().jsonPath().getLong("subjects");
        office().body(Map.of("disclosable", true, "disclosure", "对市生态环境局及相关责任人问责"))
                .put(CASES + "/" + id + "/disclosure").then().statusCode(200);
        given().get("/api/v1/public/accountability/summary").then().statusCode(200)
                .body("subjects", equalTo((int) publicBefore + 3))
                .body(not(containsString("李某")))
                .body(not(containsString("王某")));
    }

    @Test
    void aPageOfFiftyCasesCostsTheSameStatementsAsAPageOfFive() {
        for (int i = 0; i < 50; i++) {
            office().body(Map.of("source", "SELF_INITIATED", "summary", "自行启动 " + i,
                    "legalBases", List.of("6f1c6a4e-0000-4000-8000-00000000000" + (1 + i % 5)),
                    "subjects", List.of(Map.of("kind", "UNIT", "name", "汉台区", "unit", "HTQ"))))
                    .post(CASES).then().statusCode(201);
        }
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        assertEquals(statementsFor(stats, 5), statementsFor(stats, 50), "the list is one query for the page, not one per case");
    }

    private static long statementsFor(Statistics stats, int size) {
        office().queryParam("size", size).get(CASES).then().statusCode(200);
        stats.clear();
        office().queryParam("size", size).get(CASES).then().statusCode(200).body("items.size()", equalTo(size));
        return stats.getPrepareStatementCount();
    }

    private static long delta(JsonPath before, JsonPath after, String path) {
        Number b = before.get(path);
        Number a = after.get(path);
        return (a == null ? 0 : a.longValue()) - (b == null ? 0 : b.longValue());
    }
}
