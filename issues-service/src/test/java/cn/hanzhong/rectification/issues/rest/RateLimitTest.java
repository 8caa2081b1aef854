package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Over its budget a client gets 429 with Retry-After; another client is not affected. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@WithTestResource(RealInfrastructure.class)
class RateLimitTest {

    /** Small budgets, and client addresses from X-Forwarded-For (as behind the ingress). */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.rate-limit.enabled", "true", "platform.rate-limit.public-requests", "5", "platform.rate-limit.writes", "3",
                    "platform.rate-limit.window", "1h",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void aPublicClientOverItsBudgetWaitsAndAnotherIsServed() {
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "10.0.0.1").get("/api/v1/public/issues").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "10.0.0.1").get("/api/v1/public/issues").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        given().header("X-Forwarded-For", "10.0.0.2").get("/api/v1/public/issues").then().statusCode(200);
    }

    @Test
    void writesAreCountedPerTokenSubject() {
        String busy = TestTokens.builder().roles("office").subject("busy-clerk").sign();
        String other = TestTokens.builder().roles("office").subject("other-clerk").sign();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(busy).contentType(ContentType.JSON).body(IssueApi.newIssue(IssueApi.unique("限流")))
                    .post("/api/v1/issues").then().statusCode(201);
        }
        given().auth().oauth2(busy).contentType(ContentType.JSON).body(IssueApi.newIssue(IssueApi.unique("限流")))
                .post("/api/v1/issues").then().statusCode(429).header("Retry-After", notNullValue());
        given().auth().oauth2(busy).get("/api/v1/issues").then().statusCode(200); // reads are not writes
        given().auth().oauth2(other).contentType(ContentType.JSON).body(IssueApi.newIssue(IssueApi.unique("限流")))
                .post("/api/v1/issues").then().statusCode(201);
    }
}
