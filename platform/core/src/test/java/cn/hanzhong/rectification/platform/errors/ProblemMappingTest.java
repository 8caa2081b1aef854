package cn.hanzhong.rectification.platform.errors;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ProblemMappingTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static RequestSpecification office() {
        return given().auth().oauth2(TestTokens.office());
    }

    @Test
    void malformedJsonIs400WithProblemBody() {
        office().contentType("application/json").body("{\"title\": \"x\", ")
                .post("/test/probe/form")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(Problem.TYPE_PREFIX + "malformed-body"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/test/probe/form"));
    }

    @Test
    void wrongTypeNamesTheField() {
        office().contentType("application/json")
                .body("{\"title\": \"x\", \"due\": \"2021-09-30\", \"percent\": \"lots\"}")
                .post("/test/probe/form")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("percent"))
                .body("violations[0].message", equalTo("must be a number"));
    }

    @Test
    void badDateNamesTheField() {
        office().contentType("application/json")
                .body("{\"title\": \"x\", \"due\": \"30/09/2021\"}")
                .post("/test/probe/form")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("due"))
                .body("violations[0].message", containsString("YYYY-MM-DD"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        office().contentType("application/json")
                .body("{\"title\": \"x\", \"due\": \"2021-09-30\", \"colour\": \"PURPLE\"}")
                .post("/test/probe/form")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("colour"))
                .body("violations[0].message", equalTo("must be one of [RED, GREEN]"));
    }

    @Test
    void beanValidationListsEveryViolatedField() {
        office().contentType("application/json")
                .body("{\"title\": \" \", \"percent\": 101, \"measures\": [{\"text\": \"\"}]}")
                .post("/test/probe/form")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(Problem.TYPE_PREFIX + "validation"))
                .body("violations", hasSize(4))
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("due"))
                .body("violations.field", hasItem("percent"))
                .body("violations.field", hasItem("measures[0].text"));
    }

    @Test
    void missingBodyIs400() {
        office().contentType("application/json").post("/test/probe/form")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void invalidQueryParameterNamesIt() {
        office().queryParam("n", 0).get("/test/probe/query")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("n"));
    }

    @Test
    void validInputPasses() {
        office().contentType("application/json")
                .body("{\"title\": \"扬尘治理\", \"due\": \"2021-09-30\", \"colour\": \"RED\", \"percent\": 50}")
                .post("/test/probe/form")
                .then().statusCode(200).body("title", equalTo("扬尘治理"));
    }

    @Test
    void notFoundIs404() {
        office().get("/test/probe/not-found")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("detail", equalTo("Issue FK-99 does not exist"));
    }

    @Test
    void unknownPathIs404Problem() {
        office().get("/test/nothing-here")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void wrongMethodIs405Problem() {
        office().delete("/test/probe/not-found")
                .then().statusCode(405).contentType(PROBLEM_JSON);
    }

    @Test
    void illegalTransitionIs409WithAllowedActions() {
        office().get("/test/probe/transition")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo(Problem.TYPE_PREFIX + "illegal-transition"))
                .body("currentStatus", equalTo("IN_PROGRESS"))
                .body("allowedActions", hasItem("REQUEST_ACCEPTANCE"));
    }

    @Test
    void duplicateIs409() {
        office().get("/test/probe/conflict").then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void staleIfMatchIs412() {
        office().get("/test/probe/stale").then().statusCode(412).contentType(PROBLEM_JSON);
    }

    @Test
    void optimisticLockConflictIs412WithoutInternals() {
        office().get("/test/probe/optimistic")
                .then().statusCode(412).contentType(PROBLEM_JSON)
                .body("detail", not(containsString("Secret")));
    }

    @Test
    void unexpectedErrorIs500WithoutClassNamesOrStackTrace() {
        String body = office().get("/test/probe/boom")
                .then().statusCode(500).contentType(PROBLEM_JSON)
                .body("errorId", notNullValue())
                .extract().asString();
        Assertions.assertFalse(body.contains("Secret"), body);
        Assertions.assertFalse(body.contains("IllegalStateException"), body);
        Assertions.assertFalse(body.contains("at cn."), body);
    }

    @Test
    void noTokenIs401Problem() {
        given().get("/test/probe/me")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void forgedTokenIs401Problem() {
        String token = TestTokens.office();
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(forged).get("/test/probe/me")
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void wrongRoleIs403Problem() {
        office().get("/test/probe/leaders-only")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(TestTokens.role("province")).get("/test/probe/me")
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void unitSeesOnlyItsOwnRecords() {
        given().auth().oauth2(TestTokens.unit("HTQ")).get("/test/probe/unit-only/HTQ").then().statusCode(200);
        given().auth().oauth2(TestTokens.unit("HTQ")).get("/test/probe/unit-only/YX")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", equalTo("This record belongs to other units"));
        office().get("/test/probe/unit-only/YX").then().statusCode(200);
    }

    @Test
    void currentUserCarriesTheTokenClaims() {
        given().auth().oauth2(TestTokens.builder().roles("unit").unit("SST-HB").name("王科长").sign())
                .get("/test/probe/me")
                .then().statusCode(200)
                .body("unit", equalTo("SST-HB"))
                .body("name", equalTo("王科长"))
                .body("roles", hasItem("unit"));
    }

    @Test
    void permitAllNeedsNoToken() {
        given().get("/test/probe/open").then().statusCode(200);
    }

    @Test
    void aNulCharacterInThePathOrAQueryParameterIs400NamingIt() {
        office().urlEncodingEnabled(false).get("/test/probe/unit-only/a%00b")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("path"));
        office().urlEncodingEnabled(false).get("/test/probe/me?unit=x%00y")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("unit"));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemToo() {
        // An InputStream body has no length: it is sent chunked.
        office().contentType("application/json")
                .body(new java.io.ByteArrayInputStream(("{\"title\": \"" + "x".repeat(4096) + "\"}").getBytes()))
                .post("/test/probe/form")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("status", equalTo(413)).body("detail", equalTo("The request body may be at most 2048 bytes here"));
    }

    @Test
    void anEndpointDeclaresALargerLimitForItsUploads() {
        office().contentType("text/plain").body("y".repeat(6000)).post("/test/probe/upload")
                .then().statusCode(200).body(equalTo("6000"));
        office().contentType("text/plain").body(new java.io.ByteArrayInputStream("y".repeat(6000).getBytes()))
                .post("/test/probe/upload").then().statusCode(200).body(equalTo("6000"));
        office().contentType("text/plain").body("y".repeat(9000)).post("/test/probe/upload")
                .then().statusCode(413).contentType(PROBLEM_JSON).body("detail", equalTo("The request body may be at most 8192 bytes here"));
        office().contentType("text/plain").body(new java.io.ByteArrayInputStream("y".repeat(9000).getBytes()))
                .post("/test/probe/upload").then().statusCode(413).contentType(PROBLEM_JSON);
        // Past the server's hard cap the early guard answers, with a problem as well.
        office().contentType("text/plain").body("y".repeat(11 * 1024 * 1024)).post("/test/probe/upload")
                .then().statusCode(413).contentType(PROBLEM_JSON);
    }

    @Test
    void oversizedBodyIs413Problem() {
        office().contentType("application/json")
                .body("{\"title\": \"" + "x".repeat(4096) + "\"}")
                .post("/test/probe/form")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("status", equalTo(413));
    }

    @Test
    void openApiDeclaresProblemResponsesOnce() {
        given().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("components.responses.NotFound.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/ProblemDetails"))
                .body("components.securitySchemes.bearerJwt.scheme", equalTo("bearer"))
                .body("paths.'/test/probe/me'.get.responses.'500'.$ref", equalTo("#/components/responses/InternalError"));
    }
}
