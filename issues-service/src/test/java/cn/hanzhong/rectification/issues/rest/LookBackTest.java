package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.EvidenceApi.unitToken;
import static cn.hanzhong.rectification.issues.rest.EvidenceApi.upload;
import static cn.hanzhong.rectification.issues.rest.IssueApi.COOPERATING;
import static cn.hanzhong.rectification.issues.rest.IssueApi.LEAD;
import static cn.hanzhong.rectification.issues.rest.IssueApi.OTHER;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.transition;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Look-back by random sample: the same seed re-draws the same sample, checks go to a unit other than the
 * lead unit, and a paper-rectification finding reopens the issue and is announced (one reopening, one finding).
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class LookBackTest {

    private static final String LOOK_BACKS = "/api/v1/look-backs";

    @InjectKafka
    LocalKafka kafka;

    private static String signedOff(String title) {
        String id = IssueApi.inProgress(title + " " + IssueApi.unique("回头看"));
        transition(unit(LEAD), id, Map.of("action", "REQUEST_ACCEPTANCE", "evidence", "e", "selfAssessment", "s")).statusCode(200);
        transition(office(), id, Map.of("action", "ACCEPT", "opinion", "整改到位", "reason", "涉密事项，不予公示")).statusCode(200);
        return id;
    }

    @Test
    void theSameSeedDrawsTheSameSampleAndAPaperRectificationReopensTheIssue() {
        String paper = signedOff("工地扬尘");
        String recurred = signedOff("河道垃圾");
        String confirmed = signedOff("餐饮油烟");
        for (int i = 0; i < 3; i++) {
            signedOff("其他 " + i);
        }

        // Re-drawn with the same seed: the same issues; the verification re-draws it too.
        Map<String, Object> draw = Map.of("title", "季度回头看", "count", 3, "stratifyBy", List.of("CATEGORY"), "seed", 20261202L,
                "checkerUnits", List.of(LEAD, OTHER), "dueWorkingDays", 10);
        String first = office().body(draw).post(LOOK_BACKS).then().statusCode(201)
                .body("seed", equalTo(20261202)).body("sampleSize", equalTo(3)).body("checks.size()", equalTo(3))
                .extract().path("id");
        List<String> sample = office().get(LOOK_BACKS + "/" + first).then().extract().path("checks.issueId");
        List<String> again = office().body(draw).post(LOOK_BACKS).then().statusCode(201).extract().path("checks.issueId");
        assertEquals(sample, again, "the same seed and population draw the same sample");
        office().get(LOOK_BACKS + "/" + first + "/verification").then().statusCode(200)
                .body("matches", equalTo(true)).body("populationIntact", equalTo(true));
        office().body(Map.of("percent", 100, "seed", 1L, "checkerUnits", List.of(LEAD), "dueWorkingDays", 10)).post(LOOK_BACKS)
                .then().statusCode(400).body("violations[0].field", equalTo("checkerUnits"));

        // Everything drawn: each check goes to a unit other than the issue's lead unit (ours are led by LEAD).
        String all = office().body(Map.of("percent", 100, "checkerUnits", List.of(LEAD, OTHER), "dueWorkingDays", 10))
                .post(LOOK_BACKS).then().statusCode(201)
                .body("checks.findAll { it.issueId in ['" + paper + "', '" + recurred + "', '" + confirmed + "'] }.checkerUnit",
                        equalTo(List.of(OTHER, OTHER, OTHER)))
                .extract().path("id");
        for (Map<String, String> check : office().get(LOOK_BACKS + "/" + all).then().extract().<List<Map<String, String>>>path("checks")) {
            String lead = office().get("/api/v1/issues/" + check.get("issueId")).then().extract().path("leadUnit");
            assertTrue(!check.get("checkerUnit").equals(lead), "a unit never checks its own rectification");
        }
        String paperCheck = office().get(LOOK_BACKS + "/" + all).then()
                .extract().path("checks.find { it.issueId == '" + paper + "' }.id");
        String recurredCheck = office().get(LOOK_BACKS + "/" + all).then()
                .extract().path("checks.find { it.issueId == '" + recurred + "' }.id");
        String confirmedCheck = office().get(LOOK_BACKS + "/" + all).then()
                .extract().path("checks.find { it.issueId == '" + confirmed + "' }.id");
        office().get("/api/v1/issues/" + paper + "/history?size=100").then()
                .body("items.action", hasItem("LOOK_BACK_SAMPLED"));

        // The checker reads the issue and files evidence; a unit without a check of it sees neither.
        unit(OTHER).get("/api/v1/issues/" + paper).then().statusCode(200);
        unit(OTHER).get(LOOK_BACKS + "/" + all).then().statusCode(200).body("checks.checkerUnit", everyItem(equalTo(OTHER)));
        unit(COOPERATING).get(LOOK_BACKS + "/" + all).then().statusCode(404);
        unit(COOPERATING).body(Map.of("outcome", "CONFIRMED", "findings", "x"))
                .post(LOOK_BACKS + "/" + all + "/checks/" + paperCheck + "/outcome").then().statusCode(404);
        String photo = upload(unitToken(OTHER), paper, "回头看现场.jpg", EvidenceApi.jpeg("look-back"), "围挡已拆除").statusCode(201)
                .extract().path("id");

        unit(OTHER).body(Map.of("outcome", "PAPER_RECTIFICATION", "findings", "现场围挡仅在检查当天设置，喷淋设施未接水源"))
                .post(LOOK_BACKS + "/" + all + "/checks/" + paperCheck + "/outcome").then().statusCode(400)
                .body("violations[0].field", equalTo("deadline"));
        unit(OTHER).body(Map.of("outcome", "PAPER_RECTIFICATION", "findings", "现场围挡仅在检查当天设置，喷淋设施未接水源",
                        "deadlineWorkingDays", 20, "evidenceIds", List.of(photo)))
                .post(LOOK_BACKS + "/" + all + "/checks/" + paperCheck + "/outcome").then().statusCode(200)
                .body("checks.find { it.id == '" + paperCheck + "' }.status", equalTo("PAPER_RECTIFICATION"));
        unit(OTHER).body(Map.of("outcome", "CONFIRMED", "findings", "again"))
                .post(LOOK_BACKS + "/" + all + "/checks/" + paperCheck + "/outcome").then().statusCode(409);
        office().get("/api/v1/issues/" + paper).then().body("status", equalTo("IN_PROGRESS"));
        office().get("/api/v1/issues/" + paper + "/evidence/" + photo).then().body("recordKind", equalTo("LOOK_BACK_CHECK"))
                .body("status", equalTo("SUBMITTED"));
        unit(OTHER).get("/api/v1/issues/" + paper).then().statusCode(404);

        office().body(Map.of("outcome", "RECURRED", "findings", "河道垃圾再次堆积", "deadlineWorkingDays", 15))
                .post(LOOK_BACKS + "/" + all + "/checks/" + recurredCheck + "/outcome").then().statusCode(200);
        office().body(Map.of("outcome", "CONFIRMED", "findings", "油烟净化设施正常运行"))
                .post(LOOK_BACKS + "/" + all + "/checks/" + confirmedCheck + "/outcome").then().statusCode(200);
        office().get("/api/v1/issues/" + confirmed).then().body("status", equalTo("SIGNED_OFF"));

        office().get(LOOK_BACKS + "/stats").then().statusCode(200)
                .body("find { it.key == '" + LEAD + "' }.paperRectification", greaterThanOrEqualTo(1))
                .body("find { it.key == '" + LEAD + "' }.recurred", greaterThanOrEqualTo(1));
        office().queryParam("by", "district").get(LOOK_BACKS + "/stats").then().statusCode(200).body("key", hasItem("HTQ"));
        unit(LEAD).get(LOOK_BACKS + "/stats").then().statusCode(403);

        List<String> types = await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.valuesWithKey(kafka.bootstrapServers(),
                "rectification.issues", paper, Duration.ofSeconds(1)).stream()
                .map(v -> v.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1")).toList(), t -> t.contains("issue.paper-rectification-found"));
        assertEquals(1, types.stream().filter("issue.reopened"::equals).count());
        assertEquals(1, types.stream().filter("issue.paper-rectification-found"::equals).count());
        assertTrue(types.indexOf("issue.reopened") < types.indexOf("issue.paper-rectification-found"));
    }
}
