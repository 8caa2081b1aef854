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
 * PostgreSQL, Kafka and the four services as real processes; everything through HTTP: an issue
 * assigned with a 3-working-day deadline reaches the lead unit's inbox, its live stream and a signed
 * webhook; sign-off stops the reminders; a bulletin's figures equal the owners' stats endpoints.
 */
class IssueToNotificationE2ETest {

    private static final String LEAD = "SSTHJJ";

    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static ServiceProcess issues;
    private static ServiceProcess notifications;
    private static ServiceProcess petitions;
    private static ServiceProcess accountability;
    private static JwtKeys keys;
    private static HttpServer receiver;
    private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEverything() throws Exception {
        postgres = LocalPostgres.startEphemeral();
        postgres.ensureDatabase("issues");
        postgres.ensureDatabase("notifications");
        postgres.ensureDatabase("petitions");
        postgres.ensureDatabase("accountability");
        kafka = LocalKafka.startEphemeral();
        keys = JwtKeys.loadOrCreate(Files.createTempDirectory("e2e-keys"));
        Map<String, String> common = Map.of(
                "QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.USER,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
        Map<String, String> issuesEnv = new HashMap<>(common);
        issuesEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("issues"));
        issuesEnv.put("ISSUES_EVIDENCE_DIRECTORY", Files.createTempDirectory("e2e-evidence").toString());
        issuesEnv.put("ISSUES_STATS_PUBLISH_EVERY", "1s");
        issuesEnv.put("ISSUES_STATS_PUBLISH_DELAY", "1s");
        Map<String, String> petitionsEnv = new HashMap<>(common);
        petitionsEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("petitions"));
        petitionsEnv.put("PETITIONS_REPORTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        petitionsEnv.put("PETITIONS_STATS_PUBLISH_EVERY", "1s");
        petitionsEnv.put("PETITIONS_STATS_PUBLISH_DELAY", "1s");
        Map<String, String> accountabilityEnv = new HashMap<>(common);
        accountabilityEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("accountability"));
        accountabilityEnv.put("ACCOUNTABILITY_STATS_PUBLISH_EVERY", "1s");
        accountabilityEnv.put("ACCOUNTABILITY_STATS_PUBLISH_DELAY", "1s");
        Map<String, String> notificationEnv = new HashMap<>(common);
        notificationEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("notifications"));
        notificationEnv.put("NOTIFICATION_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
        notificationEnv.put("NOTIFICATION_WEBHOOKS_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        notificationEnv.put("NOTIFICATION_WEBHOOKS_DISPATCH_EVERY", "500ms");
        notificationEnv.put("NOTIFICATION_SCAN_EVERY", "1s");
        notificationEnv.put("NOTIFICATION_SCAN_DELAY", "1s");
        issues = ServiceProcess.start("issues-service", freePort(), issuesEnv);
        notifications = ServiceProcess.start("notification-service", freePort(), notificationEnv);
        petitions = ServiceProcess.start("petitions-service", freePort(), petitionsEnv);
        accountability = ServiceProcess.start("accountability-service", freePort(), accountabilityEnv);
        for (ServiceProcess p : List.of(issues, notifications, petitions, accountability)) {
            p.awaitReady(Duration.ofSeconds(180));
        }

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
        for (AutoCloseable c : new AutoCloseable[] {notifications, petitions, accountability, issues, kafka, postgres}) {
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

    /**
     * Writes in the three owning services, then draws a bulletin: once the owners have published the
     * figures of their last write, the bulletin's figures equal what their stats endpoints answer at that
     * moment (nothing is written in between); published, it is numbered and its Word document downloads.
     */
    @Test
    void bulletinFiguresEqualTheOwnersStatsEndpoints() {
        String office = token("office", null);
        String province = token("province", null);
        String discipline = token("discipline", null);

        String issue = as(office).body(Map.of("source", "REPORT", "title", "端到端：河道违规采砂", "category", "WATER"))
                .post(issues.url("/api/v1/issues")).then().statusCode(201).extract().path("id");
        as(office).body(Map.of("action", "ASSIGN", "leadUnit", LEAD, "deadlineWorkingDays", 10))
                .post(issues.url("/api/v1/issues/" + issue + "/transitions")).then().statusCode(200);
        Map<String, Object> petition = new HashMap<>(Map.of("caseNumber", "E2E-B-1", "receivedAt", java.time.LocalDate.now().minusDays(2).toString(),
                "channel", "PHONE", "priority", false, "content", "端到端：夜间施工噪声扰民", "location", "汉台区北关街道",
                "district", "HTQ", "pollutionTypes", List.of("NOISE")));
        petition.put("reporter", Map.of("name", "李四", "phone", "13712345678"));
        as(province).body(Map.of("number", 1, "receivedOn", java.time.LocalDate.now().minusDays(2).toString(), "cases", List.of(petition)))
                .post(petitions.url("/api/v1/petition-batches")).then().statusCode(200);
        // The accountability service learns of the issue from its events before a case may name it.
        await().atMost(Duration.ofSeconds(60)).until(() -> as(discipline).body(Map.of("source", "HANDED_OVER_BY_INSPECTION",
                        "summary", "端到端：督察组移交", "allegations", "措施落实不到位", "relatedIssues", List.of(issue),
                        "legalBases", List.of("6f1c6a4e-0000-4000-8000-000000000001"),
                        "subjects", List.of(Map.of("kind", "UNIT", "name", "市生态环境局", "unit", LEAD))))
                .post(accountability.url("/api/v1/accountability-cases")).statusCode() == 201);

        // Draw until the bulletin carries the figures of the last writes; then they must all agree.
        Map<String, Object> agreed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Object> i = as(office).get(issues.url("/api/v1/issues/stats")).then().statusCode(200).extract().path("");
            Map<String, Object> p = as(office).get(petitions.url("/api/v1/petitions/stats")).then().statusCode(200).extract().path("");
            Map<String, Object> a = as(office).get(accountability.url("/api/v1/accountability-cases/stats")).then().statusCode(200)
                    .extract().path("");
            var drawn = as(office).body(Map.of()).post(notifications.url("/api/v1/bulletins"));
            if (drawn.statusCode() != 201) {
                return null;
            }
            Map<String, Object> b = drawn.then().extract().path("");
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) b.get("content");
            @SuppressWarnings("unchecked")
            Map<String, Object> programme = (Map<String, Object>) i.get("programme");
            @SuppressWarnings("unchecked")
            Map<String, Object> pStatus = (Map<String, Object>) p.get("byStatus");
            @SuppressWarnings("unchecked")
            Map<String, Object> aStatus = (Map<String, Object>) a.get("byStatus");
            boolean same = num(c, "overall.total") == num(i, "total")
                    && num(c, "overall.assigned") == num(programme, "assigned")
                    && num(c, "overall.signedOff") == num(programme, "signedOff")
                    && c.get("byWarningLight").equals(i.get("byWarningLight"))
                    && num(c, "petitions.received") == num(p, "total")
                    && num(c, "petitions.returned") == num(p, "returned")
                    && num(c, "petitions.reopened") == num(p, "reopened")
                    && num(c, "petitions.concluded") == num(pStatus, "CLOSED") + num(pStatus, "CONFIRMED")
                    && num(c, "accountability.total") == num(a, "total")
                    && num(c, "accountability.opened") == num(aStatus, "OPENED") + num(aStatus, "INVESTIGATING")
                            + num(aStatus, "DECIDED") + num(aStatus, "CLOSED")
                    && num(c, "accountability.personsHeld") == num(a, "personsHeld")
                    && num(c, "accountability.unitsHeld") == num(a, "unitsHeld")
                    && ((List<?>) c.get("ranking")).size() == ((List<?>) i.get("units")).size();
            if (!same) {
                as(office).delete(notifications.url("/api/v1/bulletins/" + b.get("id"))).then().statusCode(204);
                return null;
            }
            return b;
        }, java.util.Objects::nonNull);
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) agreed.get("content");
        assertTrue(num(content, "overall.total") >= 1 && num(content, "petitions.received") >= 1
                && num(content, "accountability.total") >= 1, "every source's last write is in: " + content);

        String id = (String) agreed.get("id");
        String number = as(office).post(notifications.url("/api/v1/bulletins/" + id + "/publish")).then().statusCode(200)
                .extract().path("documentNumber");
        assertTrue(number.startsWith("汉整改通〔"), number);
        byte[] docx = as(token("unit", LEAD)).get(notifications.url("/api/v1/bulletins/" + id + ".docx")).then().statusCode(200)
                .extract().asByteArray();
        assertEquals('P', docx[0]);
        assertEquals('K', docx[1]);
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(token("unit", LEAD), id).contains("BULLETIN_PUBLISHED"));

        // The same, read as a third party would: through the clients generated from the services' OpenAPI
        // documents (deploy/e2e's pom), which must deserialize the real answers.
        var bulletinsClient = new cn.hanzhong.rectification.e2e.client.notification.api.BulletinsApi(
                new cn.hanzhong.rectification.e2e.client.notification.ApiClient().setScheme("http").setHost("127.0.0.1")
                        .setPort(notifications.port()).setBasePath("")
                        .setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token("unit", LEAD))));
        var issuesClient = new cn.hanzhong.rectification.e2e.client.issues.api.IssuesApi(
                new cn.hanzhong.rectification.e2e.client.issues.ApiClient().setScheme("http").setHost("127.0.0.1")
                        .setPort(issues.port()).setBasePath("")
                        .setRequestInterceptor(r -> r.header("Authorization", "Bearer " + office)));
        try {
            var read = bulletinsClient.getBulletin(java.util.UUID.fromString(id));
            assertEquals(number, read.getDocumentNumber());
            assertEquals(num(content, "overall.total"), read.getContent().getOverall().getTotal());
            assertEquals(read.getContent().getOverall().getTotal(), issuesClient.getIssueStats().getTotal(),
                    "nothing written since: the bulletin's total is the ledger's");
        } catch (cn.hanzhong.rectification.e2e.client.notification.ApiException e) {
            throw new AssertionError("generated client: " + e.getCode() + " " + e.getResponseBody(), e);
        } catch (cn.hanzhong.rectification.e2e.client.issues.ApiException e) {
            throw new AssertionError("generated client: " + e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    /** A number at a dotted path of a JSON object (0 when absent). */
    private static long num(Map<String, Object> json, String path) {
        Object v = json;
        for (String part : path.split("\\.")) {
            v = v instanceof Map<?, ?> m ? m.get(part) : null;
        }
        return v instanceof Number n ? n.longValue() : 0;
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
