package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The discipline body (纪检监察) reads an issue only while an accountability case names it, one by
 * one and read-only, every attempt audited; it lists nothing.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class DisciplineAccessTest {

    @InjectKafka
    LocalKafka kafka;

    private static RequestSpecification discipline() {
        return IssueApi.as(TestTokens.builder().roles("discipline").subject("jw-1").name("市纪委监委 第三室").sign());
    }

    private void caseNames(UUID caseId, List<String> issues) throws Exception {
        EventFixtures.send(kafka.bootstrapServers(), "rectification.accountability",
                EventFixtures.event("accountability.case-amended.json", caseId, Map.of("relatedIssues", issues)));
    }

    @Test
    void readsOnlyTheIssuesACaseNamesAndEveryAttemptIsAudited() throws Exception {
        String named = IssueApi.register("某县污水处理厂超标排放 " + IssueApi.unique("jw"));
        String other = IssueApi.register("某县砂石厂扬尘 " + IssueApi.unique("jw"));
        discipline().get("/api/v1/issues/" + named).then().statusCode(404).contentType("application/problem+json");

        UUID caseId = UUID.randomUUID();
        caseNames(caseId, List.of(named));
        await().atMost(Duration.ofSeconds(30)).until(() -> discipline().get("/api/v1/issues/" + named).then().extract().statusCode() == 200);
        discipline().get("/api/v1/issues/" + named).then().statusCode(200).body("id", equalTo(named))
                .body("allowedActions.size()", equalTo(0));
        discipline().get("/api/v1/issues/" + named + "/history").then().statusCode(200);
        // Nothing else: not another issue, not the list, no change.
        discipline().get("/api/v1/issues/" + other).then().statusCode(404);
        discipline().get("/api/v1/issues").then().statusCode(403);
        discipline().get("/api/v1/issues/stats").then().statusCode(403);
        discipline().body(Map.of("title", "改")).header("If-Match", "\"0\"").patch("/api/v1/issues/" + named).then().statusCode(403);
        discipline().body(Map.of("action", "ASSIGN")).post("/api/v1/issues/" + named + "/transitions").then().statusCode(403);

        office().queryParam("itemId", named).get("/api/v1/read-audits").then().statusCode(200)
                .body("items.outcome", hasItem("ALLOWED")).body("items.outcome", hasItem("DENIED"))
                .body("items.find { it.outcome == 'ALLOWED' }.grantor", equalTo("accountability-case:" + caseId))
                .body("items.find { it.outcome == 'ALLOWED' }.actor", equalTo("jw-1"))
                .body("items.find { it.outcome == 'ALLOWED' }.actorName", equalTo("市纪委监委 第三室"));
        office().queryParam("itemId", other).get("/api/v1/read-audits").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].outcome", equalTo("DENIED"));
        IssueApi.unit(IssueApi.LEAD).get("/api/v1/read-audits").then().statusCode(403);
        discipline().get("/api/v1/read-audits").then().statusCode(403);

        // The case no longer names it: closed again.
        caseNames(caseId, List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> discipline().get("/api/v1/issues/" + named).then().extract().statusCode() == 404);
    }
}
