package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class WebhookTest {

    @InjectKafka
    LocalKafka kafka;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static RequestSpecification province() {
        return given().auth().oauth2(TestTokens.role("province")).contentType(ContentType.JSON);
    }

    /** Verifies a Standard Webhooks signature independently of the service's code. */
    static boolean signatureValid(String secret, String id, String timestamp, String body, String header) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return List.of(header.split(" ")).contains(expected);
    }

    private String assign(String unit) throws Exception {
        UUID item = UUID.randomUUID();
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event("issue.assigned.json", item,
                Map.of("leadUnit", unit, "cooperatingUnits", List.of(), "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(60).toString())));
        return item.toString();
    }

    private static String subscribe(Receiver receiver, String path) {
        return province().body(Map.of("targetUrl", receiver.url(path), "kinds", List.of("ASSIGNED")))
                .post("/api/v1/webhook-subscriptions").then().statusCode(201)
                .body("secret", startsWith("whsec_")).extract().path("id");
    }

    @Test
    void deliveriesAreSignedAndATamperedOneFailsVerification() throws Exception {
        try (Receiver receiver = new Receiver()) {
            var created = province().body(Map.of("targetUrl", receiver.url("/signed"), "kinds", List.of("ASSIGNED")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract();
            String id = created.path("id");
            String secret = created.path("secret");
            province().get("/api/v1/webhook-subscriptions/" + id).then().statusCode(200).body("secret", nullValue());

            // The secret is shown once: an Idempotency-Key does not keep that response for a replay.
            String key = UUID.randomUUID().toString();
            for (int i = 0; i < 2; i++) {
                String other = province().header("Idempotency-Key", key)
                        .body(Map.of("targetUrl", receiver.url("/other"), "kinds", List.of("SIGNED_OFF")))
                        .post("/api/v1/webhook-subscriptions").then().statusCode(201).header("Idempotency-Replayed", nullValue())
                        .extract().path("id");
                province().delete("/api/v1/webhook-subscriptions/" + other).then().statusCode(200);
            }

            String item = assign("HTQ");
            Receiver.Request r = await().atMost(Duration.ofSeconds(30)).until(() -> receiver.about(item), l -> !l.isEmpty()).get(0);
            String webhookId = r.header("webhook-id");
            String timestamp = r.header("webhook-timestamp");
            String signature = r.header("webhook-signature");
            assertTrue(signatureValid(secret, webhookId, timestamp, r.body(), signature), "signature verifies");
            assertFalse(signatureValid(secret, webhookId, timestamp, r.body().replace("ASSIGNED", "SIGNED_OFF"), signature), "changed body fails");
            assertFalse(signatureValid(secret, webhookId, Long.toString(Long.parseLong(timestamp) + 1), r.body(), signature),
                    "changed timestamp fails");
            assertTrue(r.body().contains("\"kind\":\"ASSIGNED\""), r.body());
            province().delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(200).body("active", equalTo(false));
        }
    }

    @Test
    void failuresAreRetriedWithTheSameWebhookIdAndRedirectsAreNotFollowed() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String id = subscribe(receiver, "/retry");
            receiver.script.add(500);
            receiver.script.add(503);
            receiver.script.add(302);
            String item = assign("NZQ");
            List<Receiver.Request> attempts = await().atMost(Duration.ofSeconds(60))
                    .until(() -> receiver.about(item), l -> l.size() >= 4);
            assertEquals(1, attempts.stream().map(a -> a.header("webhook-id")).distinct().count(), "same webhook-id on retries");
            assertTrue(receiver.requests.stream().noneMatch(a -> a.path().equals("/redirected")), "redirect not followed");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    province().get("/api/v1/webhook-subscriptions/" + id + "/deliveries").then()
                            .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(4)));

            // Manual redelivery: once more, same id.
            String delivery = province().get("/api/v1/webhook-subscriptions/" + id + "/deliveries").then().extract().path("items[0].id");
            province().post("/api/v1/webhook-subscriptions/" + id + "/deliveries/" + delivery + "/redelivery").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.about(item).size() == 5);
            assertEquals(delivery, receiver.about(item).get(4).header("webhook-id"));
            province().delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(200);
        }
    }

    @Test
    void goneDisablesTheSubscription() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String id = subscribe(receiver, "/gone");
            receiver.script.add(410);
            String item = assign("CGX");
            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.about(item).isEmpty());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    province().get("/api/v1/webhook-subscriptions/" + id).then().body("active", equalTo(false)));
            province().get("/api/v1/webhook-subscriptions/" + id + "/deliveries").then()
                    .body("items[0].status", equalTo("GAVE_UP")).body("items[0].lastStatusCode", equalTo(410));
        }
    }

    @Test
    void unsafeTargetsAreRefused() {
        for (String url : List.of("https://localhost/hook", "https://127.0.0.2/hook", "https://10.0.0.8/hook",
                "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "http://93.184.216.34/hook")) {
            province().body(Map.of("targetUrl", url)).post("/api/v1/webhook-subscriptions").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("targetUrl"));
        }
        // A token without a role that may subscribe is refused.
        given().auth().oauth2(TestTokens.role("visitor")).contentType(ContentType.JSON)
                .body(Map.of("targetUrl", "https://93.184.216.34/hook")).post("/api/v1/webhook-subscriptions")
                .then().statusCode(403);
    }
}
