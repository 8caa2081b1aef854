package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.service.ImplementationPlans;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.IssueApi.COOPERATING;
import static cn.hanzhong.rectification.issues.rest.IssueApi.OTHER;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The implementation-plan registry walked: owed, overdue once, submitted, returned, submitted again, accepted, public. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ImplementationPlanTest {

    private static final String PLANS = "/api/v1/implementation-plans";
    private static final String UNIT = COOPERATING; // 汉台区, a county-district

    @InjectKafka
    LocalKafka kafka;

    @Inject
    ImplementationPlans plans;

    private static ValidatableResponse submit(String token, byte[] file, String title) {
        var spec = given().auth().oauth2(token).config(EvidenceApi.BROWSER_LIKE)
                .multiPart(new MultiPartSpecBuilder(file).controlName("file").fileName("整改实施方案.docx").mimeType("application/octet-stream").build())
                .multiPart(new MultiPartSpecBuilder("https://www.htq.gov.cn/zfxxgk/zgfa.html").controlName("publicUrl").build())
                .multiPart(new MultiPartSpecBuilder("汉台办发〔2021〕30号").controlName("documentNumber").charset(StandardCharsets.UTF_8).build());
        if (title != null) {
            spec = spec.multiPart(new MultiPartSpecBuilder(title).controlName("title").charset(StandardCharsets.UTF_8).build());
        }
        return spec.post(PLANS + "/" + UNIT + "/submissions").then();
    }

    @Test
    void owedOverdueSubmittedReturnedSubmittedAgainAcceptedAndPublished() {
        plans.requireAll();
        assertEquals(0, plans.requireAll(), "each unit is required once");
        String id = office().get(PLANS + "/" + UNIT).then().statusCode(200).body("status", equalTo("REQUIRED"))
                .body("dueDate", equalTo("2021-09-30")).body("overdue", equalTo(true)).extract().path("id");
        office().get(PLANS + "/missing").then().statusCode(200).body("unit", hasItem(UNIT));
        unit(OTHER).get(PLANS + "/" + UNIT).then().statusCode(404);
        unit(UNIT).get(PLANS).then().statusCode(200).body("unit", equalTo(List.of(UNIT)));
        plans.announceOverdue(LocalDate.now(ProgrammeClock.ZONE));
        assertEquals(0, plans.announceOverdue(LocalDate.now(ProgrammeClock.ZONE)), "overdue announced once");

        String token = EvidenceApi.unitToken(UNIT);
        byte[] first = EvidenceApi.docx("汉台区整改实施方案（初稿）");
        submit(EvidenceApi.unitToken(OTHER), first, "x").statusCode(404);
        submit(token, first, null).statusCode(400).body("violations[0].field", equalTo("title"));
        submit(token, EvidenceApi.exe(), "方案").statusCode(415);
        submit(token, first, "汉台区贯彻落实省生态环境保护督察反馈意见整改实施方案").statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("submissions[0].documentNumber", equalTo("汉台办发〔2021〕30号"));
        submit(token, first, "again").statusCode(409);
        unit(UNIT).body(Map.of("decision", "ACCEPT")).post(PLANS + "/" + UNIT + "/decision").then().statusCode(403);
        office().body(Map.of("decision", "RETURN")).post(PLANS + "/" + UNIT + "/decision").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        office().body(Map.of("decision", "RETURN", "reason", "未明确整改时限和责任人")).post(PLANS + "/" + UNIT + "/decision").then()
                .statusCode(200).body("status", equalTo("RETURNED"));
        given().get("/api/v1/public/implementation-plans").then().statusCode(200).body("unit", not(hasItem(UNIT)));
        given().get("/api/v1/public/implementation-plans/" + UNIT + "/file").then().statusCode(404);

        byte[] second = EvidenceApi.docx("汉台区整改实施方案（修改稿）");
        submit(token, second, "汉台区贯彻落实省生态环境保护督察反馈意见整改实施方案（修改稿）").statusCode(200).body("submissions.size()", equalTo(2));
        office().body(Map.of("decision", "ACCEPT")).post(PLANS + "/" + UNIT + "/decision").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        office().get(PLANS + "/missing").then().body("unit", not(hasItem(UNIT)));
        given().get("/api/v1/public/implementation-plans").then().statusCode(200)
                .body("find { it.unit == '" + UNIT + "' }.title", equalTo("汉台区贯彻落实省生态环境保护督察反馈意见整改实施方案（修改稿）"))
                .body("find { it.unit == '" + UNIT + "' }.publicUrl", equalTo("https://www.htq.gov.cn/zfxxgk/zgfa.html"));
        byte[] published = given().get("/api/v1/public/implementation-plans/" + UNIT + "/file").then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(second, published);

        List<String> types = await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.valuesWithKey(kafka.bootstrapServers(),
                "rectification.issues", id, Duration.ofSeconds(1)).stream()
                .map(v -> v.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1")).toList(), t -> t.size() >= 6);
        assertEquals(List.of("implementation-plan.required", "implementation-plan.overdue", "implementation-plan.submitted",
                "implementation-plan.returned", "implementation-plan.submitted", "implementation-plan.accepted"), types);
    }
}
