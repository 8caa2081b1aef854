package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Tokens the verifier alone would accept are refused; every response carries the security headers. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class TokenAndHeadersTest {

    private static final String ISSUES = "/api/v1/issues";

    @Test
    void aTokenForAnotherAudienceFromTheFutureOrTooLongLivedIsRefused() {
        given().auth().oauth2(TestTokens.builder().roles("office").sign()).get(ISSUES).then().statusCode(200);
        given().auth().oauth2(TestTokens.builder().roles("office").audience("another-system").sign())
                .get(ISSUES).then().statusCode(401);
        given().auth().oauth2(TestTokens.builder().roles("office").issuedAt(Instant.now().plus(Duration.ofHours(1))).sign())
                .get(ISSUES).then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("future"));
        given().auth().oauth2(TestTokens.builder().roles("office").lifetime(Duration.ofHours(24)).sign())
                .get(ISSUES).then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("longer"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        // Expired five minutes ago, beyond the minute of clock skew allowed.
        given().auth().oauth2(TestTokens.builder().roles("office").issuedAt(Instant.now().minus(Duration.ofMinutes(65)))
                        .lifetime(Duration.ofHours(1)).sign())
                .get(ISSUES).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aUnitTokenWithoutItsUnitIsForbiddenNotAServerError() {
        given().auth().oauth2(TestTokens.builder().roles("unit").sign()).get(ISSUES).then()
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void responsesCarryTheSecurityHeadersAndAuthenticatedOnesAreNotCached() {
        given().auth().oauth2(TestTokens.office()).get(ISSUES).then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store");
        given().get("/api/v1/public/issues").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
        given().get("/q/swagger-ui/").then().header("X-Frame-Options", nullValue());
    }
}
