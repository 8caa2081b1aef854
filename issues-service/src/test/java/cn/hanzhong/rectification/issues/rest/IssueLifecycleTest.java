package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.IssueApi.COOPERATING;
import static cn.hanzhong.rectification.issues.rest.IssueApi.LEAD;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.transition;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The whole life of one issue through HTTP, as the office and the lead unit live it. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class IssueLifecycleTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void fromRegistrationToSignOffAndReopening() {
        LocalDate today = LocalDate.now(ProgrammeClock.ZONE);
        String period = YearMonth.now(ProgrammeClock.ZONE).toString();

        // The office registers the issue: a code is generated, the status is REGISTERED.
        String id = office().body(IssueApi.newIssue("中心城区建筑工地扬尘管控不到位")).post("/api/v1/issues")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/issues/[0-9a-f-]{36}"))
                .header("ETag", "\"0\"")
                .body("code", matchesPattern("FK-\\d{3,}"))
                .body("status", equalTo("REGISTERED"))
                .body("statusLabel", equalTo("已登记"))
                .body("measures", contains("开展工地排查", "落实六个百分百"))
                .body("allowedActions", contains("ASSIGN", "CANCEL"))
                .extract().path("id");

        // The office assigns it: lead and cooperating units, 15 working days from today.
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD,
                "cooperatingUnits", List.of(COOPERATING), "deadlineWorkingDays", 15))
                .statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("leadUnit", equalTo(LEAD))
                .body("cooperatingUnits", contains(COOPERATING))
                .body("deadlineRule.kind", equalTo("WORKING_DAYS"))
                .body("deadlineRule.workingDays", equalTo(15))
                .body("assignedOn", equalTo(today.toString()))
                .body("allowedActions", contains("CANCEL"));

        // The lead unit sees START; the cooperating unit sees the issue but may do nothing.
        unit(LEAD).get("/api/v1/issues/" + id).then().statusCode(200).body("allowedActions", contains("START"));
        unit(COOPERATING).get("/api/v1/issues/" + id).then().statusCode(200).body("allowedActions", equalTo(List.of()));

        transition(unit(LEAD), id, Map.of("action", "START")).statusCode(200).body("status", equalTo("IN_PROGRESS"));

        // Monthly dispatch.
        unit(LEAD).body(Map.of("period", period, "percent", 40, "narrative", "完成中心城区工地排查 120 处",
                        "completedMeasures", List.of("开展工地排查"), "difficulties", "部分工地停工", "nextSteps", "落实六个百分百"))
                .post("/api/v1/issues/" + id + "/progress-reports")
                .then().statusCode(201).body("period", equalTo(period)).body("draft", equalTo(false));
        office().get("/api/v1/issues/" + id).then().body("progressPercent", equalTo(40));
        office().get("/api/v1/issues/" + id + "/progress-reports").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].percent", equalTo(40));

        // An extension is requested and approved: the deadline moves, the old one is kept.
        String oldDeadline = office().get("/api/v1/issues/" + id).then().extract().path("deadline");
        String newDeadline = LocalDate.parse(oldDeadline).plusMonths(2).toString();
        String extensionId = unit(LEAD).body(Map.of("proposedDeadline", newDeadline, "reason", "雨季施工受限"))
                .post("/api/v1/issues/" + id + "/deadline-extensions")
                .then().statusCode(201).body("status", equalTo("REQUESTED")).extract().path("id");
        office().body(Map.of("decision", "APPROVE", "note", "同意延期"))
                .post("/api/v1/issues/" + id + "/deadline-extensions/" + extensionId + "/decision")
                .then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("previousDeadline", equalTo(oldDeadline));
        office().get("/api/v1/issues/" + id).then()
                .body("deadline", equalTo(newDeadline))
                .body("deadlineRule.kind", equalTo("FIXED"));

        // Acceptance requested, rejected, requested again, accepted: signed off (销号).
        Map<String, Object> request = Map.of("action", "REQUEST_ACCEPTANCE",
                "evidence", "工地围挡、洒水降尘照片 36 张", "selfAssessment", "已完成整改");
        transition(unit(LEAD), id, request).statusCode(200).body("status", equalTo("ACCEPTANCE_REQUESTED"));
        transition(office(), id, Map.of("action", "REJECT", "reason", "佐证材料不足，缺少监测数据"))
                .statusCode(200).body("status", equalTo("IN_PROGRESS")).body("rejectionCount", equalTo(1));
        transition(unit(LEAD), id, request).statusCode(200);
        transition(office(), id, Map.of("action", "ACCEPT", "opinion", "经现场核查，整改到位，同意销号", "reason", "涉密事项，不予公示"))
                .statusCode(200)
                .body("status", equalTo("SIGNED_OFF"))
                .body("progressPercent", equalTo(100))
                .body("acceptance.acceptedBy", equalTo("市整改办 李主任"))
                .body("acceptance.acceptedOn", equalTo(today.toString()))
                .body("acceptance.opinion", equalTo("经现场核查，整改到位，同意销号"))
                .body("allowedActions", contains("REOPEN"));

        // Look-back finds a recurrence: reopened with a new deadline; progress restarts from the last report.
        transition(office(), id, Map.of("action", "REOPEN", "reason", "回头看发现扬尘问题反弹"))
                .statusCode(400).body("violations[0].field", equalTo("deadline"));
        String reopenedDeadline = today.plusDays(45).toString();
        transition(office(), id, Map.of("action", "REOPEN", "reason", "回头看发现扬尘问题反弹", "deadline", reopenedDeadline))
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("deadline", equalTo(reopenedDeadline))
                .body("progressPercent", org.hamcrest.Matchers.lessThan(100))
                .body("acceptance.signedOffAt", nullValue())
                .body("acceptance.acceptedOn", nullValue());

        // The history tells the whole story, oldest first.
        office().queryParam("size", 200).get("/api/v1/issues/" + id + "/history").then().statusCode(200)
                .body("items.action", hasItems("REGISTERED", "ASSIGN", "START", "PROGRESS_REPORTED",
                        "EXTENSION_REQUESTED", "EXTENSION_APPROVED", "REQUEST_ACCEPTANCE", "REJECT", "ACCEPT", "REOPEN"))
                .body("items[0].action", equalTo("REGISTERED"))
                .body("items.find { it.action == 'EXTENSION_APPROVED' }.oldValue", equalTo(oldDeadline))
                .body("items.find { it.action == 'EXTENSION_REQUESTED' }.field", nullValue())
                .body("items.find { it.action == 'EXTENSION_APPROVED' }.newValue", equalTo(newDeadline))
                .body("items.find { it.action == 'REJECT' }.reason", equalTo("佐证材料不足，缺少监测数据"))
                .body("items.find { it.action == 'REJECT' }.actorName", equalTo("市整改办 李主任"))
                .body("items.find { it.action == 'START' }.actorUnit", equalTo(LEAD))
                .body("items.findAll { it.action == 'REOPEN' }.newValue", hasItems("IN_PROGRESS", reopenedDeadline))
                .body("items.find { it.action == 'ASSIGN' && it.field == 'deadline' }.reason", notNullValue());
    }

    @Test
    void aDraftReportCanBeReplacedAFinalOneCannot() {
        String id = IssueApi.inProgress(IssueApi.unique("雨污分流管网建设滞后"));
        String period = YearMonth.now(ProgrammeClock.ZONE).toString();
        unit(LEAD).body(Map.of("period", period, "percent", 10, "narrative", "草稿", "draft", true))
                .post("/api/v1/issues/" + id + "/progress-reports").then().statusCode(201);
        office().get("/api/v1/issues/" + id).then().body("progressPercent", equalTo(0));
        unit(LEAD).body(Map.of("period", period, "percent", 30, "narrative", "完成管网改造 3 公里"))
                .post("/api/v1/issues/" + id + "/progress-reports").then().statusCode(201).body("draft", equalTo(false));
        office().get("/api/v1/issues/" + id).then().body("progressPercent", equalTo(30));
        unit(LEAD).body(Map.of("period", period, "percent", 50, "narrative", "再报一次"))
                .post("/api/v1/issues/" + id + "/progress-reports").then().statusCode(409)
                .contentType("application/problem+json");
        office().get("/api/v1/issues/" + id + "/progress-reports").then().body("totalItems", equalTo(1));
    }

    @Test
    void aRejectedExtensionLeavesTheDeadline() {
        String id = IssueApi.inProgress(IssueApi.unique("饮用水源地安全隐患"));
        String deadline = office().get("/api/v1/issues/" + id).then().extract().path("deadline");
        String ext = unit(LEAD).body(Map.of("proposedDeadline", LocalDate.parse(deadline).plusDays(90).toString(),
                        "reason", "资金未到位"))
                .post("/api/v1/issues/" + id + "/deadline-extensions").then().statusCode(201).extract().path("id");
        // A second request while one waits is a conflict.
        unit(LEAD).body(Map.of("proposedDeadline", LocalDate.parse(deadline).plusDays(30).toString(), "reason", "再申请"))
                .post("/api/v1/issues/" + id + "/deadline-extensions").then().statusCode(409);
        office().body(Map.of("decision", "REJECT", "note", "理由不充分"))
                .post("/api/v1/issues/" + id + "/deadline-extensions/" + ext + "/decision")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        office().get("/api/v1/issues/" + id).then().body("deadline", equalTo(deadline));
        // Deciding twice is not possible.
        office().body(Map.of("decision", "APPROVE"))
                .post("/api/v1/issues/" + id + "/deadline-extensions/" + ext + "/decision")
                .then().statusCode(409);
    }

    @Test
    void officeEditNeedsAReasonToMoveTheDeadlineAndIsRecorded() {
        String id = IssueApi.assigned(IssueApi.unique("畜禽养殖污染"));
        String newDeadline = LocalDate.now(ProgrammeClock.ZONE).plusDays(60).toString();
        office().body(Map.of("deadline", newDeadline)).patch("/api/v1/issues/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        office().body(Map.of("deadline", newDeadline, "reason", "领导小组会议调整", "title", "畜禽养殖污染治理"))
                .patch("/api/v1/issues/" + id)
                .then().statusCode(200).body("deadline", equalTo(newDeadline)).body("title", equalTo("畜禽养殖污染治理"));
        office().get("/api/v1/issues/" + id + "/history").then()
                .body("items.find { it.field == 'title' }.newValue", equalTo("畜禽养殖污染治理"))
                .body("items.find { it.field == 'deadline' && it.action == 'UPDATED' }.reason", equalTo("领导小组会议调整"));
    }
}
