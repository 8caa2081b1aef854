package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.service.SupervisionOrders;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.IssueApi.COOPERATING;
import static cn.hanzhong.rectification.issues.rest.IssueApi.LEAD;
import static cn.hanzhong.rectification.issues.rest.IssueApi.OTHER;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A supervision order walked from issue to close, with its overdue announcement once and the unit's view only. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class SupervisionOrderTest {

    private static final String ORDERS = "/api/v1/supervision-orders";

    @InjectKafka
    LocalKafka kafka;

    @Inject
    SupervisionOrders orders;

    private static String etag(String id) {
        return office().get(ORDERS + "/" + id).then().extract().header("ETag");
    }

    @Test
    void issuedRespondedReturnedRespondedAgainClosedAndOverdueOnce() {
        LocalDate today = LocalDate.now(ProgrammeClock.ZONE);
        String lagging = IssueApi.inProgress("汉台区建筑工地扬尘整改滞后 " + IssueApi.unique("督办"));
        String other = IssueApi.register("未交办问题 " + IssueApi.unique("督办"));

        office().body(Map.of("issueIds", List.of(other), "problem", "p", "requirements", "r", "dueWorkingDays", 5))
                .post(ORDERS).then().statusCode(400).body("violations.field", hasItem("issueIds[0]"));
        office().body(Map.of("issueIds", List.of(lagging), "problem", "p", "requirements", "r"))
                .post(ORDERS).then().statusCode(400).body("violations.field", hasItem("dueDate"));
        unit(LEAD).body(Map.of("issueIds", List.of(lagging), "problem", "p", "requirements", "r", "dueWorkingDays", 5))
                .post(ORDERS).then().statusCode(403);

        String id = office().body(Map.of("level", "KEY", "issueIds", List.of(lagging), "problem", "扬尘整改进度滞后，连续两月未报送进展",
                        "requirements", "3 个工作日内完成整改并书面反馈", "dueDate", today.plusDays(2).toString()))
                .post(ORDERS).then().statusCode(201)
                .body("number", matchesPattern("汉整改督〔" + today.getYear() + "〕\\d+号"))
                .body("unit", equalTo(LEAD)).body("status", equalTo("ISSUED")).body("levelLabel", equalTo("重点督办"))
                .body("allowedActions", equalTo(List.of("WITHDRAW")))
                .extract().path("id");
        String number = office().get(ORDERS + "/" + id).then().extract().path("number");
        office().body(Map.of("number", number, "issueIds", List.of(lagging), "problem", "p", "requirements", "r",
                "dueWorkingDays", 5)).post(ORDERS).then().statusCode(409);

        // Only the unit addressed sees it.
        unit(LEAD).get(ORDERS + "/" + id).then().statusCode(200).body("allowedActions", equalTo(List.of("RESPOND")));
        unit(OTHER).get(ORDERS + "/" + id).then().statusCode(404);
        unit(COOPERATING).get(ORDERS).then().statusCode(200).body("items.id", not(hasItem(id)));
        unit(LEAD).queryParam("issue", lagging).get(ORDERS).then().body("items.id", hasItem(id));

        // Past the due date without a response: overdue, announced once.
        assertEquals(1, orders.publishOverdue(today.plusDays(3)));
        assertEquals(0, orders.publishOverdue(today.plusDays(4)));

        unit(LEAD).header("If-Match", etag(id)).body(Map.of("action", "RESPOND")).post(ORDERS + "/" + id + "/transitions")
                .then().statusCode(400).body("violations[0].field", equalTo("response"));
        unit(OTHER).body(Map.of("action", "RESPOND", "response", "x")).post(ORDERS + "/" + id + "/transitions").then().statusCode(404);
        String photo = EvidenceApi.upload(EvidenceApi.unitToken(LEAD), lagging, "工地围挡.jpg", EvidenceApi.jpeg(id), "围挡和喷淋")
                .statusCode(201).extract().path("id");
        unit(LEAD).body(Map.of("action", "RESPOND", "response", "已完成 12 处工地围挡和喷淋", "evidenceIds", List.of(photo)))
                .post(ORDERS + "/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("RESPONDED")).body("overdue", equalTo(false));
        office().queryParam("recordKind", "ORDER_RESPONSE").get("/api/v1/issues/" + lagging + "/dossier").then()
                .body("id", equalTo(List.of(photo))).body("[0].recordId", equalTo(id + "/1"));
        unit(LEAD).body(Map.of("action", "CLOSE")).post(ORDERS + "/" + id + "/transitions").then().statusCode(403);
        office().body(Map.of("action", "RETURN", "reason", "未附整改前后对比照片")).post(ORDERS + "/" + id + "/transitions")
                .then().statusCode(400).body("violations[0].field", equalTo("dueDate"));
        office().body(Map.of("action", "RETURN", "reason", "未附整改前后对比照片", "dueWorkingDays", 3))
                .post(ORDERS + "/" + id + "/transitions").then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("returnCount", equalTo(1));
        unit(LEAD).body(Map.of("action", "RESPOND", "response", "补充对比照片 24 张")).post(ORDERS + "/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("RESPONDED"));
        office().body(Map.of("action", "CLOSE", "reason", "整改到位")).post(ORDERS + "/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("allowedActions", equalTo(List.of()));
        office().body(Map.of("action", "WITHDRAW", "reason", "x")).post(ORDERS + "/" + id + "/transitions").then().statusCode(409);

        office().get(ORDERS + "/" + id + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("ISSUE", "OVERDUE", "RESPOND", "RESPOND", "RETURN", "RETURN", "RESPOND",
                        "RESPOND", "CLOSE")));
        office().get(ORDERS + "/stats").then().statusCode(200).body("find { it.unit == '" + LEAD + "' }.closed",
                org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        office().queryParam("status", "NOPE").get(ORDERS).then().statusCode(400);

        List<String> types = await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.valuesWithKey(kafka.bootstrapServers(),
                "rectification.issues", id, Duration.ofSeconds(1)).stream()
                .map(v -> v.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1")).toList(), t -> t.size() >= 6);
        assertEquals(List.of("supervision-order.issued", "supervision-order.overdue", "supervision-order.responded",
                "supervision-order.returned", "supervision-order.responded", "supervision-order.closed"), types);
        String all = String.join("\n", TopicReader.valuesWithKey(kafka.bootstrapServers(), "rectification.issues", id, Duration.ofSeconds(1)));
        assertFalse(all.contains("补充对比照片"), "responses stay in the service");
    }
}
