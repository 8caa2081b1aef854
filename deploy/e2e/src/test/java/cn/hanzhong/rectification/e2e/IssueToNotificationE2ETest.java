package cn.hanzhong.rectification.e2e;

import cn.hanzhong.rectification.platform.testing.JwtKeys;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.LocalPostgres;
import cn.hanzhong.rectification.platform.testing.Tokens;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL, Kafka, issues-service and notification-service as real processes; everything through
 * HTTP: an issue assigned with a 3-working-day deadline reaches the lead unit's inbox, its live
 * stream and a signed webhook; sign-off stops the reminders.
 */
class IssueToNotificationE2ETest {

    private static final String LEAD = "SSTHJJ";

    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static ServiceProcess issues;
    private static ServiceProcess notifications;
    private static JwtKeys keys;
    private static HttpServer receiver;
    private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEverything() throws Exception {
        postgres = LocalPostgres.startEphemeral();
        postgres.ensureDatabase("issues");
        postgres.ensureDatabase("notifications");
        kafka = LocalKafka.startEphemeral();
        keys = JwtKeys.loadOrCreate(Files.createTempDirectory("e2e-keys"));
        Map<String, String> common = Map.of(
                "QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.USER,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
        Map<String, String> issuesEnv = new HashMap<>(common);
        issuesEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("issues"));
        Map<String, String> notificationEnv = new HashMap<>(common);
        notificationEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("notifications"));
        notificationEnv.put("NOTIFICATION_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
        notificationEnv.put("NOTIFICATION_WEBHOOKS_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        notificationEnv.put("NOTIFICATION_WEBHOOKS_DISPATCH_EVERY", "500ms");
        notificationEnv.put("NOTIFICATION_SCAN_EVERY", "1s");
        notificationEnv.put("NOTIFICATION_SCAN_DELAY", "1s");
        issues = ServiceProcess.start("issues-service", freePort(), issuesEnv);
        notifications = ServiceProcess.start("notification-service", freePort(), notificationEnv);
        issues.awaitReady(Duration.ofSeconds(120));
        notifications.awaitReady(Duration.ofSeconds(120));

        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                    "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("webhook-signature"), "body", body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopEverything() {
        if (receiver != null) {
            receiver.stop(0);
        }
        for (AutoCloseable c : new AutoCloseable[] {notifications, issues, kafka, postgres}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private static String token(String role, String unit) {
        Tokens t = Tokens.signedWith(keys.privateKey()).roles(role).name(role + " e2e");
        return (unit != null ? t.unit(unit) : t).sign();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void assignmentReachesInboxStreamAndWebhookAndSignOffStopsReminders() throws Exception {
        String office = token("office", null);
        String lead = token("unit", LEAD);

        var subscription = as(token("province", null))
                .body(Map.of("targetUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "kinds", List.of("ASSIGNED", "REMINDER", "SIGNED_OFF")))
                .post(notifications.url("/api/v1/webhook-subscriptions")).then().statusCode(201).extract();
        String secret = subscription.path("secret");

        // The lead unit keeps its live stream open.
        List<String> streamed = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> sse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(notifications.url("/api/v1/notifications/stream")))
                .header("Authorization", "Bearer " + lead).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, sse.statusCode());
        CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        streamed.add(line.substring(6).strip());
                    }
                }
            } catch (IOException ignored) {
                // closed at the end of the test
            }
        });

        String id = as(office).body(Map.of("source", "REPORT", "title", "端到端：工地扬尘管控不到位", "category", "AIR"))
                .post(issues.url("/api/v1/issues")).then().statusCode(201).extract().path("id");
        as(office).body(Map.of("action", "ASSIGN", "leadUnit", LEAD, "deadlineWorkingDays", 3))
                .post(issues.url("/api/v1/issues/" + id + "/transitions")).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> kinds(lead, id), k -> k.containsAll(List.of("ASSIGNED", "REMINDER_3")));
        await().atMost(Duration.ofSeconds(30)).until(() -> streamed.containsAll(List.of("ASSIGNED", "REMINDER_3")));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().filter(m -> m.get("body").contains(id)).count() >= 2);
        for (Map<String, String> m : received) {
            assertTrue(signatureValid(secret, m.get("id"), m.get("timestamp"), m.get("body"), m.get("signature")),
                    "webhook signature verifies");
        }

        // The lead unit works and reports; the office signs off: no more reminders.
        as(lead).body(Map.of("action", "START")).post(issues.url("/api/v1/issues/" + id + "/transitions")).then().statusCode(200);
        as(lead).body(Map.of("period", YearMonth.now().toString(), "percent", 100, "narrative", "全部完成"))
                .post(issues.url("/api/v1/issues/" + id + "/progress-reports")).then().statusCode(201);
        as(lead).body(Map.of("action", "REQUEST_ACCEPTANCE", "evidence", "照片", "selfAssessment", "完成"))
                .post(issues.url("/api/v1/issues/" + id + "/transitions")).then().statusCode(200);
        as(office).body(Map.of("action", "ACCEPT", "opinion", "同意销号", "reason", "涉密事项，不予公示"))
                .post(issues.url("/api/v1/issues/" + id + "/transitions")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> kinds(lead, id), k -> k.contains("SIGNED_OFF"));
        // Several scans (every second) later, still no further reminder.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> kinds(lead, id).equals(List.of("ASSIGNED", "REMINDER_3", "SIGNED_OFF")));
        assertEquals(List.of("ASSIGNED", "REMINDER_3", "SIGNED_OFF"), kinds(lead, id));
        sse.body().close();
    }

    /** Kinds of the notices about {@code item}, oldest first; monthly dispatch (date-dependent) left out. */
    private static List<String> kinds(String token, String item) {
        List<String> all = given().auth().oauth2(token).queryParam("item", item).queryParam("sort", "id,asc")
                .get(notifications.url("/api/v1/notifications")).then().statusCode(200).extract().path("items.code");
        return all.stream().filter(k -> !k.startsWith("MONTHLY_")).toList();
    }

    private static boolean signatureValid(String secret, String id, String timestamp, String body, String header)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return List.of(header.split(" ")).contains(expected);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
