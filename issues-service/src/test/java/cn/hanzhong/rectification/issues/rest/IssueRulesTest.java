package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.IssueApi.COOPERATING;
import static cn.hanzhong.rectification.issues.rest.IssueApi.LEAD;
import static cn.hanzhong.rectification.issues.rest.IssueApi.OTHER;
import static cn.hanzhong.rectification.issues.rest.IssueApi.as;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.transition;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Who may do what, and how wrong input and illegal moves are answered. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class IssueRulesTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void everyIllegalMoveIs409WithTheAllowedActions() {
        String id = IssueApi.register(IssueApi.unique("尾矿库安全"));
        transition(office(), id, Map.of("action", "ACCEPT", "opinion", "x", "reason", "涉密事项，不予公示")).statusCode(409).contentType(PROBLEM)
                .body("currentStatus", equalTo("REGISTERED"))
                .body("allowedActions", contains("ASSIGN", "CANCEL"));
        transition(office(), id, Map.of("action", "REOPEN", "reason", "x")).statusCode(409);
        transition(office(), id, Map.of("action", "REJECT", "reason", "x")).statusCode(409);
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD,
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(10).toString())).statusCode(200);
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD,
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(10).toString())).statusCode(409);
        transition(unit(LEAD), id, Map.of("action", "REQUEST_ACCEPTANCE", "evidence", "e", "selfAssessment", "s"))
                .statusCode(409).body("allowedActions", contains("START"));
        transition(office(), id, Map.of("action", "CANCEL", "reason", "与 FK-001 重复，合并办理")).statusCode(200)
                .body("status", equalTo("CANCELLED")).body("closingReason", equalTo("与 FK-001 重复，合并办理"));
        transition(office(), id, Map.of("action", "CANCEL", "reason", "again")).statusCode(409)
                .body("allowedActions", equalTo(List.of()));
    }

    @Test
    void unknownActionIs400NamingTheField() {
        String id = IssueApi.register(IssueApi.unique("河道采砂"));
        transition(office(), id, Map.of("action", "FINISH")).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("action"));
    }

    @Test
    void aUnitNeitherSeesNorChangesAnotherUnitsIssue() {
        String id = IssueApi.assigned(IssueApi.unique("医废危废处置"));
        unit(OTHER).get("/api/v1/issues/" + id).then().statusCode(404).contentType(PROBLEM);
        transition(unit(OTHER), id, Map.of("action", "START")).statusCode(404);
        unit(OTHER).get("/api/v1/issues/" + id + "/history").then().statusCode(404);
        unit(OTHER).body(Map.of("period", "2021-10", "percent", 10, "narrative", "x"))
                .post("/api/v1/issues/" + id + "/progress-reports").then().statusCode(404);
        unit(OTHER).get("/api/v1/issues?size=200").then().statusCode(200).body("items.id", not(hasItem(id)));
        unit(LEAD).get("/api/v1/issues?size=200&sort=createdAt,desc").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void aCooperatingUnitReadsAndReportsItsShareButDoesNotMoveTheIssue() {
        String id = IssueApi.assigned(IssueApi.unique("沿江重点镇污水处理厂运行不正常"));
        unit(COOPERATING).get("/api/v1/issues/" + id).then().statusCode(200);
        transition(unit(COOPERATING), id, Map.of("action", "START")).statusCode(403).contentType(PROBLEM);
        unit(COOPERATING).body(Map.of("period", "2021-10", "percent", 10, "narrative", "x"))
                .post("/api/v1/issues/" + id + "/progress-reports").then().statusCode(201).body("unit", equalTo(COOPERATING));
        office().get("/api/v1/issues/" + id).then().body("progressPercent", equalTo(0));
        unit(OTHER).body(Map.of("period", "2021-10", "percent", 10, "narrative", "x"))
                .post("/api/v1/issues/" + id + "/progress-reports").then().statusCode(404);
    }

    @Test
    void aUnitCannotAcceptItsOwnIssue() {
        String id = IssueApi.inProgress(IssueApi.unique("大气扬尘污染"));
        transition(unit(LEAD), id, Map.of("action", "REQUEST_ACCEPTANCE", "evidence", "照片", "selfAssessment", "完成"))
                .statusCode(200);
        transition(unit(LEAD), id, Map.of("action", "ACCEPT", "opinion", "自己验收", "reason", "涉密事项，不予公示")).statusCode(403).contentType(PROBLEM);
        office().get("/api/v1/issues/" + id).then().body("status", equalTo("ACCEPTANCE_REQUESTED"));
    }

    @Test
    void rolesOutsideTheLedgerAreForbidden() {
        as(TestTokens.role("discipline")).get("/api/v1/issues").then().statusCode(403).contentType(PROBLEM);
        as(TestTokens.role("leader")).body(IssueApi.newIssue("x")).post("/api/v1/issues").then().statusCode(403);
        as(TestTokens.role("leader")).get("/api/v1/issues").then().statusCode(200);
        io.restassured.RestAssured.given().get("/api/v1/issues").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void staleIfMatchIs412AndCurrentOnePasses() {
        String id = IssueApi.register(IssueApi.unique("秦岭小水电站退出"));
        String etag = office().get("/api/v1/issues/" + id).then().statusCode(200).extract().header("ETag");
        office().header("If-Match", etag).body(Map.of("title", "秦岭区域小水电站退出及生态恢复"))
                .patch("/api/v1/issues/" + id).then().statusCode(200).header("ETag", not(equalTo(etag)));
        office().header("If-Match", etag).body(Map.of("action", "ASSIGN", "leadUnit", LEAD,
                        "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(10).toString()))
                .post("/api/v1/issues/" + id + "/transitions").then().statusCode(412).contentType(PROBLEM);
        office().get("/api/v1/issues/" + id).then().body("status", equalTo("REGISTERED"));
        office().header("If-Match", "banana").body(Map.of("title", "x")).patch("/api/v1/issues/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("If-Match"));
    }

    @Test
    void badInputIs400NamingTheField() {
        Map<String, Object> noTitle = new HashMap<>(IssueApi.newIssue("x"));
        noTitle.remove("title");
        office().body(noTitle).post("/api/v1/issues").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("title"));

        Map<String, Object> unknownUnit = new HashMap<>(IssueApi.newIssue(IssueApi.unique("x")));
        unknownUnit.put("cooperatingUnits", List.of("HTQ", "NOPE"));
        office().body(unknownUnit).post("/api/v1/issues").then().statusCode(400)
                .body("violations[0].field", equalTo("cooperatingUnits[1]"));

        Map<String, Object> notDistrict = new HashMap<>(IssueApi.newIssue(IssueApi.unique("x")));
        notDistrict.put("districts", List.of("SSTHJJ"));
        office().body(notDistrict).post("/api/v1/issues").then().statusCode(400)
                .body("violations[0].field", equalTo("districts[0]"));

        String id = IssueApi.register(IssueApi.unique("土壤镉污染"));
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD,
                "deadline", LocalDate.now(ProgrammeClock.ZONE).minusDays(1).toString()))
                .statusCode(400).body("violations[0].field", equalTo("deadline"));
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", "NOPE",
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(1).toString()))
                .statusCode(400).body("violations[0].field", equalTo("leadUnit"));
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD))
                .statusCode(400).body("violations[0].field", equalTo("deadline"));
        office().get("/api/v1/issues/" + id).then().body("status", equalTo("REGISTERED"));

        String running = IssueApi.inProgress(IssueApi.unique("矿山生态修复"));
        unit(LEAD).body(Map.of("period", "2021-10", "percent", 101, "narrative", "x"))
                .post("/api/v1/issues/" + running + "/progress-reports").then().statusCode(400)
                .body("violations[0].field", equalTo("percent"));
        unit(LEAD).body(Map.of("period", "2021-13", "percent", 10, "narrative", "x"))
                .post("/api/v1/issues/" + running + "/progress-reports").then().statusCode(400)
                .body("violations[0].field", equalTo("period"));
        unit(LEAD).body(Map.of("period", "2099-01", "percent", 10, "narrative", "x"))
                .post("/api/v1/issues/" + running + "/progress-reports").then().statusCode(400)
                .body("violations[0].field", equalTo("period"));
        transition(unit(LEAD), running, Map.of("action", "REQUEST_ACCEPTANCE", "selfAssessment", "完成"))
                .statusCode(400).body("violations[0].field", equalTo("evidence"));
        office().queryParam("status", "DONE").get("/api/v1/issues").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        office().queryParam("overdue", "yes").get("/api/v1/issues").then().statusCode(400)
                .body("violations[0].field", equalTo("overdue"));
    }

    @Test
    void duplicateCodeIs409() {
        String code = "T-" + IssueApi.unique("c").substring(2);
        Map<String, Object> body = new HashMap<>(IssueApi.newIssue("a"));
        body.put("code", code);
        office().body(body).post("/api/v1/issues").then().statusCode(201).body("code", equalTo(code));
        office().body(body).post("/api/v1/issues").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void provinceReplayOfAnExternalIdCreatesNothingNew() {
        String externalId = IssueApi.unique("SX-DC2");
        Map<String, Object> body = new HashMap<>(IssueApi.newIssue(IssueApi.unique("省督察推送问题")));
        body.put("externalId", externalId);
        var province = as(TestTokens.role("province"));
        String id = province.body(body).post("/api/v1/issues").then().statusCode(201).extract().path("id");
        as(TestTokens.role("province")).body(body).post("/api/v1/issues").then().statusCode(200)
                .body("id", equalTo(id)).body("version", equalTo(0));
        office().get("/api/v1/issues/" + id + "/history").then().body("totalItems", equalTo(1));

        body.put("target", "新的整改目标");
        as(TestTokens.role("province")).body(body).post("/api/v1/issues").then().statusCode(200)
                .body("id", equalTo(id)).body("target", equalTo("新的整改目标")).body("version", equalTo(1));
        office().get("/api/v1/issues/" + id + "/history").then().body("totalItems", equalTo(2))
                .body("items[1].field", equalTo("target"));
    }

    @Test
    void provinceUpdatesApplyUnitsAndDeadlineAndNeverRewriteASignedOffIssue() {
        String externalId = IssueApi.unique("SX-DC2");
        Map<String, Object> body = new HashMap<>(IssueApi.newIssue(IssueApi.unique("省督察推送问题")));
        body.put("externalId", externalId);
        body.put("leadUnit", IssueApi.LEAD);
        String id = as(TestTokens.role("province")).body(body).post("/api/v1/issues").then().statusCode(201).extract().path("id");
        LocalDate due = LocalDate.now(ProgrammeClock.ZONE).plusDays(50);
        body.put("cooperatingUnits", List.of(IssueApi.COOPERATING));
        body.put("deadline", due.toString());
        as(TestTokens.role("province")).body(body).post("/api/v1/issues").then().statusCode(200)
                .body("cooperatingUnits", equalTo(List.of(IssueApi.COOPERATING))).body("deadline", equalTo(due.toString()));
        office().get("/api/v1/issues/" + id + "/history").then()
                .body("items.field", org.hamcrest.Matchers.hasItems("cooperatingUnits", "deadline"));

        IssueApi.transition(office(), id, Map.of("action", "ASSIGN")).statusCode(200);
        body.put("leadUnit", IssueApi.OTHER);
        as(TestTokens.role("province")).body(body).post("/api/v1/issues").then().statusCode(409).contentType(PROBLEM);
        body.put("leadUnit", IssueApi.LEAD);
        IssueApi.transition(IssueApi.unit(IssueApi.LEAD), id, Map.of("action", "START")).statusCode(200);
        IssueApi.transition(IssueApi.unit(IssueApi.LEAD), id, Map.of("action", "REQUEST_ACCEPTANCE", "evidence", "照片",
                "selfAssessment", "已完成")).statusCode(200);
        IssueApi.transition(office(), id, Map.of("action", "ACCEPT", "opinion", "整改到位", "reason", "涉密事项，不予公示")).statusCode(200);

        body.put("target", "销号后省级系统又推送的目标");
        as(TestTokens.role("province")).body(body).post("/api/v1/issues").then().statusCode(409).contentType(PROBLEM);
        office().get("/api/v1/issues/" + id).then().body("target", equalTo("扬尘污染得到有效管控"))
                .body("status", equalTo("SIGNED_OFF"));
        body.put("target", "扬尘污染得到有效管控");
        as(TestTokens.role("province")).body(body).post("/api/v1/issues").then().statusCode(200); // an identical replay is fine
    }
}
