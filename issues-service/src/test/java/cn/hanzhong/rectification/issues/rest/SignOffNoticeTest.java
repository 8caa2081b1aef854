package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.service.SignOffDecisions;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static cn.hanzhong.rectification.issues.rest.IssueApi.LEAD;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.transition;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Sign-off as the practice runs it: verification, public notice without a token, an objection upheld
 * (back to rectification), again, a dismissed one published with its reply, and the window passing:
 * signed off exactly once by two scanning "instances" at the same moment, one event.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class SignOffNoticeTest {

    private static final String PUBLIC = "/api/v1/public/sign-off-notices";
    private static final String NOTICES = "/api/v1/sign-off-notices";

    @InjectKafka
    LocalKafka kafka;

    @Inject
    SignOffDecisions decisions;

    private static void requestAcceptance(String id) {
        transition(unit(LEAD), id, Map.of("action", "REQUEST_ACCEPTANCE", "evidence", "整改前后对比照片",
                "selfAssessment", "已完成全部整改措施")).statusCode(200).body("status", equalTo("ACCEPTANCE_REQUESTED"));
    }

    private static String openNotice(String issue) {
        return office().queryParam("status", "OPEN").queryParam("size", 100).get(NOTICES).then().statusCode(200)
                .extract().path("items.find { it.issueId == '" + issue + "' }.id");
    }

    private static io.restassured.specification.RequestSpecification from(String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address);
    }

    @Test
    void verifiedNoticedObjectedUpheldAgainDismissedAndSignedOffOnceWhenTheWindowPasses() throws Exception {
        LocalDate today = LocalDate.now(ProgrammeClock.ZONE);
        String issue = IssueApi.inProgress("汉江入河排污口整治 " + IssueApi.unique("公示"));
        requestAcceptance(issue);

        // A failed verification is a rejection; direct acceptance needs the reason it is not published.
        transition(office(), issue, Map.of("action", "VERIFY", "opinion", "现场仍有渗漏", "passed", false)).statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        requestAcceptance(issue);
        transition(office(), issue, Map.of("action", "ACCEPT", "opinion", "同意")).statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        transition(office(), issue, Map.of("action", "VERIFY")).statusCode(400).body("violations[0].field", equalTo("opinion"));
        transition(office(), issue, Map.of("action", "VERIFY", "opinion", "经现场核查，排口已封堵，整改到位",
                "checkedOn", today.toString(), "checkedBy", "市整改办核查组")).statusCode(200)
                .body("status", equalTo("PUBLIC_NOTICE")).body("allowedActions", equalTo(List.of("CANCEL")));
        transition(office(), issue, Map.of("action", "SIGN_OFF")).statusCode(403);

        String first = openNotice(issue);
        String publicBody = given().get(PUBLIC).then().statusCode(200)
                .body("items.id", hasItem(first))
                .body("items.find { it.id == '" + first + "' }.result", equalTo("经现场核查，排口已封堵，整改到位"))
                .body("items.find { it.id == '" + first + "' }.measures", equalTo(List.of("开展工地排查", "落实六个百分百")))
                .extract().asString();
        assertFalse(publicBody.contains("王某"), "no officials on the public notice");
        assertFalse(publicBody.contains("市整改办核查组"), "not who checked either");

        // An objection with a contact: encrypted, masked for the office, never public, never in an event.
        String objection = from("10.1.0.1").body(Map.of("text", "排污口夜间仍有污水排出", "contact", "13800001234"))
                .post(PUBLIC + "/" + first + "/objections").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id");
        office().get(NOTICES + "/" + first).then().statusCode(200)
                .body("objections[0].contactMasked", equalTo("138****1234"))
                .body("objections[0].text", equalTo("排污口夜间仍有污水排出"))
                .body(not(containsString("13800001234")));
        office().get(NOTICES + "/" + first + "/objections/" + objection + "/contact").then().statusCode(200)
                .body("contact", equalTo("13800001234"));
        unit(LEAD).get(NOTICES + "/" + first + "/objections/" + objection + "/contact").then().statusCode(403);
        given().get(PUBLIC + "/" + first).then().statusCode(200).body(not(containsString("1380000")))
                .body(not(containsString("夜间仍有污水")));
        from("10.1.0.1").body(Map.of("text", " ")).post(PUBLIC + "/" + first + "/objections").then().statusCode(400)
                .body("violations[0].field", equalTo("text"));

        // Upheld: back to rectification with the objection as reason; the notice is off the public list.
        office().body(Map.of("decision", "MAYBE", "reply", "x")).post(NOTICES + "/" + first + "/objections/" + objection + "/ruling")
                .then().statusCode(400).body("violations[0].field", equalTo("decision"));
        office().body(Map.of("decision", "UPHOLD", "reply", "经复核，异议属实，退回整改"))
                .post(NOTICES + "/" + first + "/objections/" + objection + "/ruling").then().statusCode(200)
                .body("status", equalTo("OBJECTION_UPHELD")).body("objections[0].status", equalTo("UPHELD"));
        office().get("/api/v1/issues/" + issue).then().body("status", equalTo("IN_PROGRESS"));
        office().get("/api/v1/issues/" + issue + "/history?size=100").then()
                .body("items.find { it.action == 'UPHOLD_OBJECTION' && it.field == 'status' }.reason", containsString("排污口夜间仍有污水排出"));
        given().get(PUBLIC).then().body("items.id", not(hasItem(first)));
        from("10.1.0.1").body(Map.of("text", "再次异议")).post(PUBLIC + "/" + first + "/objections").then().statusCode(409);

        // Again: a dismissed objection is published with its reply.
        requestAcceptance(issue);
        transition(office(), issue, Map.of("action", "VERIFY", "opinion", "复核：夜间排放已截断")).statusCode(200);
        String second = openNotice(issue);
        String unfounded = from("10.1.0.2").body(Map.of("text", "听说还在排")).post(PUBLIC + "/" + second + "/objections")
                .then().statusCode(201).extract().path("id");
        assertEquals(0, decisions.signOffDue(today.plusDays(30)), "a pending objection holds the sign-off");
        office().body(Map.of("decision", "DISMISS", "reply", "经夜间蹲点核查，未发现排放"))
                .post(NOTICES + "/" + second + "/objections/" + unfounded + "/ruling").then().statusCode(200);
        office().body(Map.of("decision", "DISMISS", "reply", "again"))
                .post(NOTICES + "/" + second + "/objections/" + unfounded + "/ruling").then().statusCode(409);
        given().get(PUBLIC + "/" + second).then().statusCode(200).body("replies[0].reply", equalTo("经夜间蹲点核查，未发现排放"));

        // The window passes: two scans at once (two instances), one sign-off, one event.
        LocalDate endsOn = LocalDate.parse(given().get(PUBLIC + "/" + second).then().extract().path("endsOn"));
        assertEquals(0, decisions.signOffDue(endsOn), "not before the window has passed");
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> awaitThen(go, () -> decisions.signOffDue(endsOn.plusDays(1))));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> awaitThen(go, () -> decisions.signOffDue(endsOn.plusDays(1))));
        go.countDown();
        assertEquals(1, a.get() + b.get(), "exactly one instance signs it off");
        office().get("/api/v1/issues/" + issue).then().body("status", equalTo("SIGNED_OFF")).body("progressPercent", equalTo(100))
                .body("acceptance.opinion", equalTo("复核：夜间排放已截断")).body("acceptance.acceptedBy", equalTo(IssueApi.OFFICE_NAME));
        given().queryParam("status", "SIGNED_OFF").get(PUBLIC).then().body("items.id", hasItem(second));

        List<String> values = await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.valuesWithKey(kafka.bootstrapServers(),
                "rectification.issues", issue, Duration.ofSeconds(1)), v -> v.stream().anyMatch(x -> x.contains("\"issue.signed-off\"")));
        assertEquals(1, values.stream().filter(x -> x.contains("\"type\":\"issue.signed-off\"")).count(), "one signed-off event");
        assertFalse(String.join("\n", values).contains("13800001234"), "no contact in events");
    }

    @Test
    void objectionsAreRateLimitedPerClientAddress() {
        String issue = IssueApi.inProgress("限流 " + IssueApi.unique("公示"));
        requestAcceptance(issue);
        transition(office(), issue, Map.of("action", "VERIFY", "opinion", "整改到位")).statusCode(200);
        String notice = openNotice(issue);
        for (int i = 0; i < 5; i++) {
            from("10.2.0.9").body(Map.of("text", "异议 " + i)).post(PUBLIC + "/" + notice + "/objections").then().statusCode(201);
        }
        from("10.2.0.9").body(Map.of("text", "第六次")).post(PUBLIC + "/" + notice + "/objections").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", equalTo("3600"));
        from("10.2.0.10").body(Map.of("text", "另一位群众")).post(PUBLIC + "/" + notice + "/objections").then().statusCode(201);
        office().get(NOTICES + "/" + notice).then().body("objections.size()", equalTo(6));
        given().get(PUBLIC + "/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    private static <T> T awaitThen(CountDownLatch latch, java.util.function.Supplier<T> work) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return work.get();
    }
}
