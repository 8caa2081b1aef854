package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.IssueApi.COOPERATING;
import static cn.hanzhong.rectification.issues.rest.IssueApi.LEAD;
import static cn.hanzhong.rectification.issues.rest.IssueApi.OTHER;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Measure by measure, unit by unit: assigned to a cooperating unit, done by it with evidence, each unit's report in the breakdown. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class MeasureTest {

    @Test
    void aMeasureAssignedToTheCooperatingUnitIsDoneByItAndEachUnitReportsItsShare() {
        String id = IssueApi.inProgress("城区扬尘 " + IssueApi.unique("措施"));
        String path = "/api/v1/issues/" + id + "/measures";
        office().get(path).then().statusCode(200)
                .body("measures.seq", equalTo(List.of(1, 2))).body("measures.ownerUnit", equalTo(List.of(LEAD, LEAD)))
                .body("measures.status", equalTo(List.of("PENDING", "PENDING")))
                .body("units.unit", equalTo(List.of(LEAD, COOPERATING)));

        unit(COOPERATING).body(Map.of("ownerUnit", COOPERATING)).patch(path + "/2").then().statusCode(403);
        unit(LEAD).body(Map.of("ownerUnit", OTHER)).patch(path + "/2").then().statusCode(400)
                .body("violations[0].field", equalTo("ownerUnit"));
        unit(LEAD).body(Map.of("ownerUnit", COOPERATING)).patch(path + "/2").then().statusCode(200)
                .body("measures[1].ownerUnit", equalTo(COOPERATING));
        unit(LEAD).body(Map.of("status", "DONE")).patch(path + "/9").then().statusCode(404);

        String photo = EvidenceApi.upload(EvidenceApi.unitToken(COOPERATING), id, "六个百分百.jpg", EvidenceApi.jpeg(id), null)
                .statusCode(201).extract().path("id");
        unit(COOPERATING).body(Map.of("status", "DONE", "evidenceIds", List.of(photo))).patch(path + "/2").then().statusCode(200)
                .body("measures[1].status", equalTo("DONE")).body("units.find { it.unit == '" + COOPERATING + "' }.done", equalTo(1));
        office().get("/api/v1/issues/" + id + "/evidence/" + photo).then().body("recordKind", equalTo("MEASURE"))
                .body("status", equalTo("SUBMITTED"));
        unit(COOPERATING).body(Map.of("status", "PENDING")).patch(path + "/2").then().statusCode(403);

        String month = YearMonth.now().toString();
        unit(COOPERATING).body(Map.of("period", month, "percent", 80, "narrative", "汉台区完成工地围挡"))
                .post("/api/v1/issues/" + id + "/progress-reports").then().statusCode(201);
        unit(LEAD).body(Map.of("period", month, "percent", 50, "narrative", "全市推进"))
                .post("/api/v1/issues/" + id + "/progress-reports").then().statusCode(201);
        unit(COOPERATING).body(Map.of("period", month, "percent", 90, "narrative", "again"))
                .post("/api/v1/issues/" + id + "/progress-reports").then().statusCode(409);
        office().get(path).then().body("progressPercent", equalTo(50))
                .body("units.find { it.unit == '" + COOPERATING + "' }.lastPercent", equalTo(80))
                .body("units.find { it.unit == '" + LEAD + "' }.lastPercent", equalTo(50));
        office().get("/api/v1/issues/" + id).then().body("progressPercent", equalTo(50));
        office().get("/api/v1/issues/" + id + "/history?size=100").then()
                .body("items.action", hasItem("MEASURE_DONE")).body("items.action", hasItem("COOPERATING_PROGRESS_REPORTED"));
    }
}
