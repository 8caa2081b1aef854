package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.hanzhong.rectification.issues.rest.IssueApi.LEAD;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.transition;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Search, warning lights, statistics and the public view. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class IssueSearchTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String register(String title, String category, String district) {
        Map<String, Object> body = new HashMap<>(IssueApi.newIssue(title));
        body.put("category", category);
        body.put("districts", List.of(district));
        body.put("description", "问题描述 " + title);
        return office().body(body).post("/api/v1/issues").then().statusCode(201).extract().path("id");
    }

    @Test
    void twoCharacterChineseTermsFindSubstrings() {
        String tag = IssueApi.unique("q");
        String dust = register("城固县砂石厂扬尘治理 " + tag, "AIR", "CGX");
        String water = register("城固县污水处理厂超标排放 " + tag, "WATER", "CGX");
        office().queryParam("q", "扬尘").queryParam("size", 200).get("/api/v1/issues").then().statusCode(200)
                .body("items.id", hasItem(dust)).body("items.id", not(hasItem(water)));
        office().queryParam("q", tag).get("/api/v1/issues").then()
                .body("totalItems", equalTo(2));
        // A repeated q (outside the document, which has one): the first counts.
        office().header(cn.hanzhong.rectification.platform.testing.OpenApiContract.RESPONSE_ONLY, "repeated q")
                .queryParam("q", "砂石厂扬尘").queryParam("q", "x").get("/api/v1/issues").then()
                .body("items.id", hasItem(dust));
        // A single character still works (without the index).
        office().queryParam("q", "尘").queryParam("size", 200).get("/api/v1/issues").then()
                .body("items.id", hasItem(dust));
        // LIKE wildcards are literal.
        office().queryParam("q", "%").get("/api/v1/issues").then().body("totalItems", equalTo(0));
    }

    @Test
    void theLedgerIsWalkedByCursorInTheNumberedOrderAndAUnitWalksOnlyItsOwn() {
        String tag = IssueApi.unique("walk");
        List<String> assigned = List.of(IssueApi.assigned("巡查台账游标 " + tag), IssueApi.assigned("巡查台账游标 " + tag));
        for (int i = 0; i < 3; i++) {
            IssueApi.register("巡查台账游标 " + tag);
        }
        List<String> numbered = office().queryParam("q", tag).queryParam("sort", "deadline,asc").queryParam("size", 200)
                .get("/api/v1/issues").then().statusCode(200).body("totalItems", equalTo(5))
                .body("totalItemsExact", equalTo(true)).extract().path("items.id");
        assertEquals(walk(IssueApi::office, tag), numbered);
        // Null deadlines sort last ascending: the two assigned issues come first.
        assertEquals(Set.copyOf(assigned), Set.copyOf(numbered.subList(0, 2)));
        assertEquals(Set.copyOf(assigned), Set.copyOf(walk(() -> unit(LEAD), tag)));
    }

    private static List<String> walk(java.util.function.Supplier<io.restassured.specification.RequestSpecification> who,
                                     String tag) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var r = who.get().queryParam("q", tag).queryParam("sort", "deadline,asc").queryParam("size", 2);
            if (cursor != null) {
                r.queryParam("after", cursor);
            }
            io.restassured.path.json.JsonPath page = r.get("/api/v1/issues").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void aDeepNumberedPageIsRefusedWithAPointerToTheCursor() {
        office().queryParam("page", 600).queryParam("size", 20).get("/api/v1/issues").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("page"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("after="));
        office().queryParam("after", "garbage").get("/api/v1/issues").then().statusCode(400)
                .body("violations[0].field", equalTo("after"));
        given().queryParam("page", 600).get("/api/v1/public/issues").then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void thePublicSearchMatchesOnlyWhatThePublicListShows() {
        String tag = IssueApi.unique("p");
        Map<String, Object> body = new HashMap<>(IssueApi.newIssue("汉台区某砖厂粉尘治理 " + tag));
        String hidden = IssueApi.unique("内部");
        body.put("description", "问题描述 " + hidden + "，内部核查线索");
        String id = office().body(body).post("/api/v1/issues").then().statusCode(201).extract().path("id");
        office().queryParam("q", hidden).get("/api/v1/issues").then().body("items.id", hasItem(id));
        given().queryParam("q", tag).get("/api/v1/public/issues").then().statusCode(200).body("totalItems", equalTo(1));
        // The description is not public, so it cannot be probed through the search either.
        given().queryParam("q", hidden).get("/api/v1/public/issues").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void filtersCombine() {
        String tag = IssueApi.unique("f");
        String a = register("勉县尾矿库 " + tag, "TAILINGS", "MX");
        register("勉县矿山修复 " + tag, "MINING_RESTORATION", "MX");
        office().queryParam("q", tag).queryParam("category", "TAILINGS,SOIL").queryParam("district", "MX")
                .get("/api/v1/issues").then().body("totalItems", equalTo(1)).body("items[0].id", equalTo(a));
        office().queryParam("q", tag).queryParam("status", "REGISTERED").queryParam("sort", "code,asc")
                .get("/api/v1/issues").then().body("totalItems", equalTo(2));
        office().queryParam("q", tag).queryParam("status", "ASSIGNED").get("/api/v1/issues").then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void warningLightFilterMatchesTheLightShown() {
        String tag = IssueApi.unique("w");
        String soon = register("临期 " + tag, "WATER", "HTQ");
        transition(office(), soon, Map.of("action", "ASSIGN", "leadUnit", LEAD,
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(3).toString())).statusCode(200);
        String later = register("正常 " + tag, "WATER", "HTQ");
        transition(office(), later, Map.of("action", "ASSIGN", "leadUnit", LEAD,
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(300).toString())).statusCode(200);

        office().get("/api/v1/issues/" + soon).then().body("warningLight", equalTo("BLUE"));
        office().get("/api/v1/issues/" + later).then().body("warningLight", equalTo("GREEN"));
        office().queryParam("q", tag).queryParam("warningLight", "BLUE").get("/api/v1/issues").then()
                .body("items.id", contains(soon));
        office().queryParam("q", tag).queryParam("warningLight", "GREEN").get("/api/v1/issues").then()
                .body("items.id", contains(later));
        office().queryParam("q", tag).queryParam("overdue", "true").get("/api/v1/issues").then()
                .body("totalItems", equalTo(0));
        office().queryParam("q", tag).queryParam("deadlineTo", LocalDate.now(ProgrammeClock.ZONE).plusDays(10).toString())
                .get("/api/v1/issues").then().body("items.id", contains(soon));
    }

    @Test
    void statsCountAUnitsIssuesExactlyAndRateItsOnTimeSignOffs() {
        // A unit of its own, so the figures are exactly this test's: one issue signed off on time, one in progress.
        String code = "ST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "X");
        office().body(Map.of("code", code, "name", "统计测试局 " + code, "kind", "CITY_DEPARTMENT"))
                .post("/api/v1/units").then().statusCode(201);
        String done = assignedTo(code, IssueApi.unique("统计"));
        transition(unit(code), done, Map.of("action", "START")).statusCode(200);
        transition(unit(code), done, Map.of("action", "REQUEST_ACCEPTANCE", "evidence", "e", "selfAssessment", "s"))
                .statusCode(200);
        transition(office(), done, Map.of("action", "ACCEPT", "opinion", "同意", "reason", "涉密事项，不予公示")).statusCode(200);
        String open = assignedTo(code, IssueApi.unique("统计"));
        transition(unit(code), open, Map.of("action", "START")).statusCode(200);

        office().get("/api/v1/issues/stats").then().statusCode(200)
                .body("byLeadUnit." + code, equalTo(2))
                .body("units.find { it.unit == '" + code + "' }.assigned", equalTo(2))
                .body("units.find { it.unit == '" + code + "' }.signedOff", equalTo(1))
                .body("units.find { it.unit == '" + code + "' }.signedOffOnTime", equalTo(1))
                .body("units.find { it.unit == '" + code + "' }.overdue", equalTo(0))
                .body("units.find { it.unit == '" + code + "' }.onTimeRate", equalTo(1.0f))
                .body("units.find { it.unit == '" + code + "' }.unitName", equalTo("统计测试局 " + code));
        // The unit itself sees the figures of its own two issues and nothing else.
        unit(code).get("/api/v1/issues/stats").then().statusCode(200)
                .body("total", equalTo(2))
                .body("byStatus.SIGNED_OFF", equalTo(1))
                .body("byStatus.IN_PROGRESS", equalTo(1))
                .body("byCategory.AIR", equalTo(2))
                .body("byDistrict.HTQ", equalTo(2))
                .body("byWarningLight.GREEN", equalTo(2))
                .body("units.unit", contains(code));
        unit("FPX").get("/api/v1/issues/stats").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theOnTimeRateIsReportedAgainstTheOriginalAndTheApprovedDeadlineAndNoDeadlineIsCountedApart() {
        String code = "OT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "X");
        office().body(Map.of("code", code, "name", "按时率测试局 " + code, "kind", "CITY_DEPARTMENT"))
                .post("/api/v1/units").then().statusCode(201);
        List<String> done = List.of(assignedTo(code, IssueApi.unique("按时")), assignedTo(code, IssueApi.unique("按时")),
                assignedTo(code, IssueApi.unique("按时")));
        for (String id : done) {
            transition(unit(code), id, Map.of("action", "START")).statusCode(200);
            transition(unit(code), id, Map.of("action", "REQUEST_ACCEPTANCE", "evidence", "e", "selfAssessment", "s"))
                    .statusCode(200);
            transition(office(), id, Map.of("action", "ACCEPT", "opinion", "同意", "reason", "涉密事项，不予公示")).statusCode(200);
        }
        // What the history of a long programme holds: one issue was signed off after its first deadline (within
        // an approved extension), one never had a deadline. Written as the data, the API cannot go back in time.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update issue set original_deadline = accepted_on - 10 where id = :id")
                    .setParameter("id", UUID.fromString(done.get(1))).executeUpdate();
            em.createNativeQuery("update issue set deadline = null, original_deadline = null where id = :id")
                    .setParameter("id", UUID.fromString(done.get(2))).executeUpdate();
        });
        String unitFigures = "units.find { it.unit == '" + code + "' }.";
        office().get("/api/v1/issues/stats").then().statusCode(200)
                .body(unitFigures + "signedOff", equalTo(3))
                .body(unitFigures + "signedOffWithoutDeadline", equalTo(1))
                .body(unitFigures + "signedOffOnTime", equalTo(2))
                .body(unitFigures + "signedOffOnTimeOriginal", equalTo(1))
                .body(unitFigures + "onTimeRate", equalTo(1.0f))
                .body(unitFigures + "onTimeRateOriginal", equalTo(0.5f))
                .body("programme.unitName", equalTo("全市"))
                .body("programme.signedOff", greaterThanOrEqualTo(3));
    }

    private static String assignedTo(String lead, String title) {
        String id = IssueApi.register(title);
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", lead,
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(30).toString())).statusCode(200);
        return id;
    }

    @Test
    void publicListShowsProgressButNothingInternal() {
        String tag = IssueApi.unique("p");
        String id = IssueApi.assigned("公开 " + tag);
        String cancelled = register("重复件 " + tag, "AIR", "HTQ");
        transition(office(), cancelled, Map.of("action", "CANCEL", "reason", "重复")).statusCode(200);
        given().queryParam("q", tag).get("/api/v1/public/issues").then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].leadUnitName", equalTo("市生态环境局"))
                .body("items[0].statusLabel", equalTo("已交办"))
                .body("items[0]", not(hasKey("responsibleOfficials")))
                .body("items[0]", not(hasKey("id")))
                .body("items[0]", not(hasKey("description")));
        given().get("/api/v1/public/issues?size=500").then().statusCode(400);
        office().get("/api/v1/issues/" + id).then().statusCode(200);
    }

    @Test
    void vocabulariesCarryChineseLabels() {
        office().get("/api/v1/issues/vocabularies").then().statusCode(200)
                .body("approach.find { it.code == 'IMMEDIATE' }.label", equalTo("立行立改"))
                .body("status.code", hasItem("SIGNED_OFF"))
                .body("category.label", everyItem(notNullValue()));
    }
}
