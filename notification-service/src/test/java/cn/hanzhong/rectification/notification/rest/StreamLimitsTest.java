package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static cn.hanzhong.rectification.platform.testing.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live streams are capped per person and per instance (429 with Retry-After) and end when the token expires. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class StreamLimitsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/api/v1/notifications/stream")
    URL stream;

    private HttpResponse<InputStream> open(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(stream.toURI()).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static double openStreams() {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("notification_streams_open"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    private static String person(int i) {
        return TestTokens.builder().roles("unit").unit("HTQ").subject("streamer-" + i).sign();
    }

    @Test
    void aSixthStreamOfOnePersonAndTheStreamAboveTheInstanceCapGet429() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> openStreams() == 0);
        List<HttpResponse<InputStream>> held = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                HttpResponse<InputStream> r = open(person(0));
                assertEquals(200, r.statusCode());
                held.add(r);
            }
            // The SSE headers go out before the resource method registers its stream: wait for the registrations.
            await().atMost(Duration.ofSeconds(30)).until(() -> openStreams() == 5);
            HttpResponse<InputStream> sixth = open(person(0));
            assertEquals(429, sixth.statusCode());
            assertNotNull(sixth.headers().firstValue("Retry-After").orElse(null));
            assertTrue(sixth.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            sixth.body().close();

            // 200 per instance in tests: 195 more from 39 other people fill it; the 201st is refused.
            List<CompletableFuture<HttpResponse<InputStream>>> more = new ArrayList<>();
            for (int p = 1; p <= 39; p++) {
                for (int i = 0; i < 5; i++) {
                    more.add(HTTP.sendAsync(HttpRequest.newBuilder(stream.toURI()).header("Authorization", "Bearer " + person(p))
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream()));
                }
            }
            for (CompletableFuture<HttpResponse<InputStream>> f : more) {
                HttpResponse<InputStream> r = f.get(60, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode());
                held.add(r);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> openStreams() == 200);
            HttpResponse<InputStream> over = open(person(40));
            assertEquals(429, over.statusCode());
            assertTrue(new String(over.body().readAllBytes(), StandardCharsets.UTF_8).contains("maximum of 200"));
            // The service still answers while they are open.
            given().auth().oauth2(person(0)).get("/api/v1/notifications/unread-count").then().statusCode(200);
            management().get("/q/health/live").then().statusCode(200).body(containsString("UP"));
        } finally {
            for (HttpResponse<InputStream> r : held) {
                r.body().close();
            }
        }
        // Closed by the clients: the server notices and frees the places.
        await().atMost(Duration.ofSeconds(30)).until(() -> openStreams() == 0);
    }

    @Test
    void aStreamWhoseTokenExpiresIsClosedWithAFinalEvent() throws Exception {
        String shortLived = TestTokens.builder().roles("unit").unit("HTQ").subject("short-lived").lifetime(Duration.ofSeconds(3)).sign();
        HttpResponse<InputStream> r = open(shortLived);
        assertEquals(200, r.statusCode());
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reading.get(30, TimeUnit.SECONDS); // ends: the server closed it
        assertTrue(lines.contains("event:token-expired") || lines.contains("event: token-expired"), lines.toString());
    }
}
