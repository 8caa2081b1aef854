package cn.hanzhong.rectification.platform.testing;

import org.junit.jupiter.api.Assertions;

import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.platform.testing.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What every service promises from its first start, checked through HTTP: ready with its database
 * (and its event consumer), the broker and outbox in the health group {@code broker}, health and
 * metrics on the management port only; an OpenAPI document with its title and the bearer scheme; Swagger UI; and
 * problem+json for unknown paths and missing tokens.
 */
public final class ServiceContract {

    private ServiceContract() {
    }

    public static void assertServes(String expectedTitleFragment) {
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        management().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("event-consumer"))
                .body("checks.name", not(hasItem("broker and outbox")));
        // The broker and the outbox backlog: a group of their own, never readiness.
        management().get("/q/health/group/broker").then().statusCode(200)
                .body("checks.name", hasItem("broker and outbox"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", containsString(expectedTitleFragment))
                .body("info.description", not(emptyOrNullString()))
                .body("components.securitySchemes.bearerJwt.type", equalTo("http"))
                .body("components.securitySchemes.bearerJwt.scheme", equalTo("bearer"))
                .body("components.responses.NotFound", org.hamcrest.Matchers.notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        assertOperationsIdentifiedAndSecured(given().get("/q/openapi?format=json").then().extract().asString());
        // Health details and metrics name the broker and the database: the management port only.
        management().get("/q/metrics").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().auth().oauth2(TestTokens.office()).get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /**
     * What a client generator needs: a unique operationId on every operation, a schema for every success
     * response with a body, the bearer scheme on every protected one and none on {@code /api/v1/public/**},
     * a server and a licence.
     */
    static void assertOperationsIdentifiedAndSecured(String document) {
        try {
            com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(document);
            java.util.Set<String> ids = new java.util.HashSet<>();
            java.util.List<String> problems = new java.util.ArrayList<>();
            doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                if (!java.util.List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    return;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (id.isEmpty() || !ids.add(id)) {
                    problems.add(where + ": operationId '" + id + "' missing or not unique");
                }
                op.getValue().path("responses").fields().forEachRemaining(r -> {
                    boolean success = r.getKey().startsWith("2") && !r.getKey().equals("204");
                    boolean described = false;
                    for (com.fasterxml.jackson.databind.JsonNode media : r.getValue().path("content")) {
                        described |= media.has("schema");
                    }
                    if (success && !described && !r.getValue().has("$ref")) {
                        problems.add(where + ": response " + r.getKey() + " has no schema");
                    }
                });
                // The same public prefixes as the platform's PublicPaths (this module does not depend on it).
                boolean open = path.getKey().startsWith("/api/v1/public/") || path.getKey().startsWith("/open311/");
                boolean secured = op.getValue().path("security").toString().contains("bearerJwt");
                if (open == secured) {
                    problems.add(where + (open ? ": a public operation asks for a token" : ": no bearer security requirement"));
                }
            }));
            if (doc.path("servers").isEmpty()) {
                problems.add("no servers");
            }
            if (doc.path("info").path("license").path("name").asText("").isEmpty()) {
                problems.add("no info.license");
            }
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), problems, String.join("\n", problems));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every producer the service defined ({@code KafkaClients.producers()}: client id → effective
     * settings) is durable, and the expected ones are among them.
     */
    public static void assertDurableProducers(Map<String, Map<String, Object>> producers,
                                              String... expectedClients) {
        Assertions.assertTrue(producers.keySet().containsAll(List.of(expectedClients)),
                "producers " + producers.keySet());
        producers.forEach((client, settings) -> {
            Assertions.assertTrue(List.of("all", "-1").contains(String.valueOf(settings.get("acks"))),
                    client + " acks=" + settings.get("acks"));
            Assertions.assertEquals(Boolean.TRUE, settings.get("enable.idempotence"), client + " idempotence");
        });
    }
}
