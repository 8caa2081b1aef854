package cn.hanzhong.rectification.e2e;

import cn.hanzhong.rectification.platform.testing.JwtKeys;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.LocalPostgres;
import cn.hanzhong.rectification.platform.testing.Tokens;
import com.sun.net.httpserver.HttpServer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import cn.hanzhong.rectification.e2e.client.accountability.api.AccountabilityCasesApi;
import cn.hanzhong.rectification.e2e.client.accountability.model.AccountabilityCaseRequest;
import cn.hanzhong.rectification.e2e.client.accountability.model.AccountabilityStats;
import cn.hanzhong.rectification.e2e.client.accountability.model.CaseSource;
import cn.hanzhong.rectification.e2e.client.accountability.model.CaseSubject;
import cn.hanzhong.rectification.e2e.client.accountability.model.SubjectKind;
import cn.hanzhong.rectification.e2e.client.issues.api.IssuesApi;
import cn.hanzhong.rectification.e2e.client.issues.model.Category;
import cn.hanzhong.rectification.e2e.client.issues.model.Issue;
import cn.hanzhong.rectification.e2e.client.issues.model.IssueAction;
import cn.hanzhong.rectification.e2e.client.issues.model.IssueRequest;
import cn.hanzhong.rectification.e2e.client.issues.model.IssueSource;
import cn.hanzhong.rectification.e2e.client.issues.model.IssueStats;
import cn.hanzhong.rectification.e2e.client.issues.model.IssueStatus;
import cn.hanzhong.rectification.e2e.client.issues.model.ProgressReport;
import cn.hanzhong.rectification.e2e.client.issues.model.ProgressReportRequest;
import cn.hanzhong.rectification.e2e.client.issues.model.TransitionRequest;
import cn.hanzhong.rectification.e2e.client.notification.api.BulletinsApi;
import cn.hanzhong.rectification.e2e.client.notification.api.NotificationsApi;
import cn.hanzhong.rectification.e2e.client.notification.api.WebhooksApi;
import cn.hanzhong.rectification.e2e.client.notification.model.Bulletin;
import cn.hanzhong.rectification.e2e.client.notification.model.BulletinContent;
import cn.hanzhong.rectification.e2e.client.notification.model.DrawBulletinRequest;
import cn.hanzhong.rectification.e2e.client.notification.model.Notification;
import cn.hanzhong.rectification.e2e.client.notification.model.WebhookSubscription;
import cn.hanzhong.rectification.e2e.client.notification.model.WebhookSubscriptionRequest;
import cn.hanzhong.rectification.e2e.client.petitions.api.PetitionBatchesApi;
import cn.hanzhong.rectification.e2e.client.petitions.api.PetitionsApi;
import cn.hanzhong.rectification.e2e.client.petitions.model.Channel;
import cn.hanzhong.rectification.e2e.client.petitions.model.District;
import cn.hanzhong.rectification.e2e.client.petitions.model.PetitionBatchReport;
import cn.hanzhong.rectification.e2e.client.petitions.model.PetitionBatchRequest;
import cn.hanzhong.rectification.e2e.client.petitions.model.PetitionCase;
import cn.hanzhong.rectification.e2e.client.petitions.model.PetitionStats;
import cn.hanzhong.rectification.e2e.client.petitions.model.PollutionType;
import cn.hanzhong.rectification.e2e.client.petitions.model.Reporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL, Kafka and the four services as real processes; everything through HTTP, with the Java clients
 * generated from the services' OpenAPI documents (only the live stream is read by hand): an issue
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
        issues = ServiceProcess.start("issues-service", Ports.free(), issuesEnv);
        notifications = ServiceProcess.start("notification-service", Ports.free(), notificationEnv);
        petitions = ServiceProcess.start("petitions-service", Ports.free(), petitionsEnv);
        accountability = ServiceProcess.start("accountability-service", Ports.free(), accountabilityEnv);
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

    @Test
    void assignmentReachesInboxStreamAndWebhookAndSignOffStopsReminders() throws Exception {
        String office = token("office", null);
        String lead = token("unit", LEAD);
        IssuesApi officeIssues = new IssuesApi(Clients.issues(issues, office));
        IssuesApi leadIssues = new IssuesApi(Clients.issues(issues, lead));

        WebhookSubscription subscription = new WebhooksApi(Clients.notification(notifications, token("province", null)))
                .createWebhookSubscription(new WebhookSubscriptionRequest()
                        .targetUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                        .kinds(List.of("ASSIGNED", "REMINDER", "SIGNED_OFF")), null);
        String secret = subscription.getSecret();
        assertTrue(secret.startsWith("whsec_"), "the secret is shown once, at creation");

        // The lead unit keeps its live stream open (server-sent events: read as a browser would, not generated).
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

        UUID id = officeIssues.registerIssue(new IssueRequest().source(IssueSource.REPORT).title("端到端：工地扬尘管控不到位")
                .category(Category.AIR), null).getId();
        Issue assigned = officeIssues.transitionIssue(id, new TransitionRequest().action(IssueAction.ASSIGN).leadUnit(LEAD)
                .deadlineWorkingDays(3), null, null);
        assertEquals(IssueStatus.ASSIGNED, assigned.getStatus());
        assertEquals(LEAD, assigned.getLeadUnit());

        await().atMost(Duration.ofSeconds(60)).until(() -> kinds(lead, id), k -> k.containsAll(List.of("ASSIGNED", "REMINDER_3")));
        await().atMost(Duration.ofSeconds(30)).until(() -> streamed.containsAll(List.of("ASSIGNED", "REMINDER_3")));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().filter(m -> m.get("body").contains(id.toString())).count() >= 2);
        for (Map<String, String> m : received) {
            assertTrue(signatureValid(secret, m.get("id"), m.get("timestamp"), m.get("body"), m.get("signature")),
                    "webhook signature verifies");
        }

        // The lead unit works and reports; the office signs off: no more reminders.
        leadIssues.transitionIssue(id, new TransitionRequest().action(IssueAction.START), null, null);
        ProgressReport report = leadIssues.reportProgress(id, new ProgressReportRequest().period(YearMonth.now().toString()).percent(100)
                .narrative("全部完成"), null);
        assertEquals(100, report.getPercent());
        leadIssues.transitionIssue(id, new TransitionRequest().action(IssueAction.REQUEST_ACCEPTANCE).evidence("照片")
                .selfAssessment("完成"), null, null);
        Issue signedOff = officeIssues.transitionIssue(id, new TransitionRequest().action(IssueAction.ACCEPT).opinion("同意销号")
                .reason("涉密事项，不予公示"), null, null);
        assertEquals(IssueStatus.SIGNED_OFF, signedOff.getStatus());
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
    void bulletinFiguresEqualTheOwnersStatsEndpoints() throws Exception {
        String office = token("office", null);
        IssuesApi officeIssues = new IssuesApi(Clients.issues(issues, office));
        PetitionsApi officePetitions = new PetitionsApi(Clients.petitions(petitions, office));
        AccountabilityCasesApi officeCases = new AccountabilityCasesApi(Clients.accountability(accountability, office));
        AccountabilityCasesApi discipline = new AccountabilityCasesApi(Clients.accountability(accountability, token("discipline", null)));
        BulletinsApi officeBulletins = new BulletinsApi(Clients.notification(notifications, office));

        UUID issue = officeIssues.registerIssue(new IssueRequest().source(IssueSource.REPORT).title("端到端：河道违规采砂")
                .category(Category.WATER), null).getId();
        officeIssues.transitionIssue(issue, new TransitionRequest().action(IssueAction.ASSIGN).leadUnit(LEAD).deadlineWorkingDays(10),
                null, null);
        LocalDate receivedOn = LocalDate.now().minusDays(2);
        PetitionBatchReport batch = new PetitionBatchesApi(Clients.petitions(petitions, token("province", null)))
                .postPetitionBatch(new PetitionBatchRequest().number(1).receivedOn(receivedOn).cases(List.of(new PetitionCase()
                        .caseNumber("E2E-B-1").receivedAt(receivedOn).channel(Channel.PHONE).priority(false)
                        .content("端到端：夜间施工噪声扰民").location("汉台区北关街道").district(District.HTQ)
                        .pollutionTypes(List.of(PollutionType.NOISE))
                        .reporter(new Reporter().name("李四").phone("13712345678")))), null);
        assertEquals(1, batch.getCreated() + batch.getUnchanged(), "one case in: " + batch);
        // The accountability service learns of the issue from its events before a case may name it.
        AccountabilityCaseRequest handedOver = new AccountabilityCaseRequest().source(CaseSource.HANDED_OVER_BY_INSPECTION)
                .summary("端到端：督察组移交").allegations("措施落实不到位").relatedIssues(List.of(issue))
                .legalBases(List.of(UUID.fromString("6f1c6a4e-0000-4000-8000-000000000001")))
                .subjects(List.of(new CaseSubject().kind(SubjectKind.UNIT).name("市生态环境局").unit(LEAD)));
        await().atMost(Duration.ofSeconds(60)).ignoreException(cn.hanzhong.rectification.e2e.client.accountability.ApiException.class)
                .until(() -> discipline.openAccountabilityCase(handedOver, null).getId() != null);

        // Draw until the bulletin carries the figures of the last writes; then they must all agree.
        Bulletin agreed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            IssueStats i = officeIssues.getIssueStats();
            PetitionStats p = officePetitions.getPetitionStats(null);
            AccountabilityStats a = officeCases.getAccountabilityStats();
            Bulletin b;
            try {
                b = officeBulletins.drawBulletin(new DrawBulletinRequest(), null);
            } catch (cn.hanzhong.rectification.e2e.client.notification.ApiException e) {
                return null; // not every source has published its figures yet
            }
            BulletinContent c = b.getContent();
            boolean same = c.getOverall().getTotal().equals(i.getTotal())
                    && c.getOverall().getAssigned().equals(i.getProgramme().getAssigned())
                    && c.getOverall().getSignedOff().equals(i.getProgramme().getSignedOff())
                    && c.getByWarningLight().equals(i.getByWarningLight())
                    && c.getPetitions().getReceived().equals(p.getTotal())
                    && c.getPetitions().getReturned().equals(p.getReturned())
                    && c.getPetitions().getReopened().equals(p.getReopened())
                    && c.getPetitions().getConcluded() == count(p.getByStatus(), "CLOSED", "CONFIRMED")
                    && c.getAccountability().getTotal().equals(a.getTotal())
                    && c.getAccountability().getOpened() == count(a.getByStatus(), "OPENED", "INVESTIGATING", "DECIDED", "CLOSED")
                    && c.getAccountability().getPersonsHeld().equals(a.getPersonsHeld())
                    && c.getAccountability().getUnitsHeld().equals(a.getUnitsHeld())
                    && c.getRanking().size() == i.getUnits().size();
            if (!same) {
                officeBulletins.deleteBulletinDraft(b.getId());
                return null;
            }
            return b;
        }, java.util.Objects::nonNull);
        BulletinContent content = agreed.getContent();
        assertTrue(content.getOverall().getTotal() >= 1 && content.getPetitions().getReceived() >= 1
                && content.getAccountability().getTotal() >= 1, "every source's last write is in: " + content);

        UUID id = agreed.getId();
        String number = officeBulletins.publishBulletin(id, null).getDocumentNumber();
        assertTrue(number.startsWith("汉整改通〔"), number);
        String lead = token("unit", LEAD);
        BulletinsApi leadBulletins = new BulletinsApi(Clients.notification(notifications, lead));
        byte[] docx = Files.readAllBytes(leadBulletins.downloadBulletinDocument(id).toPath());
        assertEquals('P', docx[0]);
        assertEquals('K', docx[1]);
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(lead, id).contains("BULLETIN_PUBLISHED"));

        Bulletin read = leadBulletins.getBulletin(id);
        assertEquals(number, read.getDocumentNumber());
        assertEquals(content.getOverall().getTotal(), read.getContent().getOverall().getTotal());
        assertEquals(read.getContent().getOverall().getTotal(), officeIssues.getIssueStats().getTotal(),
                "nothing written since: the bulletin's total is the ledger's");
    }

    /**
     * One trace from the HTTP request to the notice row: the caller's W3C traceparent continues in the
     * issues service, its outbox row, the Kafka record's traceparent header, the notification service's
     * consumer, and the notice it writes.
     */
    @Test
    void oneTraceRunsFromTheRequestThroughTheEventToTheNotice() throws Exception {
        byte[] random = new byte[16];
        new java.security.SecureRandom().nextBytes(random);
        String traceId = java.util.HexFormat.of().formatHex(random);
        Map<String, String> traced = Map.of("traceparent", "00-" + traceId + "-" + "00f067aa0ba902b7" + "-01");
        IssuesApi officeIssues = new IssuesApi(Clients.issues(issues, token("office", null)));
        UUID id = officeIssues.registerIssue(new IssueRequest().source(IssueSource.REPORT).title("端到端：追踪一次交办")
                .category(Category.SOIL), null, traced).getId();
        officeIssues.transitionIssue(id, new TransitionRequest().action(IssueAction.ASSIGN).leadUnit(LEAD).deadlineWorkingDays(10),
                null, null, traced);
        String recorded = await().atMost(Duration.ofSeconds(60)).until(() -> noticeTrace(id, LEAD), java.util.Objects::nonNull);
        assertEquals(traceId, recorded, "the notice row carries the trace of the request that caused it");
        String header = await().atMost(Duration.ofSeconds(30)).until(() -> traceparentOf(id, "issue.assigned"), java.util.Objects::nonNull);
        assertEquals(traceId, header.split("-")[1], "the Kafka record carries it on: " + header);
        System.out.printf("[trace] %s: request → outbox → %s → notice row%n", traceId, header);
    }

    private static String noticeTrace(UUID item, String recipient) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl("notifications"), LocalPostgres.USER, LocalPostgres.USER);
             java.sql.PreparedStatement s = c.prepareStatement(
                     "select trace_id from notification where item_id = ? and recipient = ? and kind = 'ASSIGNED'")) {
            s.setObject(1, item);
            s.setString(2, recipient);
            try (java.sql.ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** The traceparent header of the record of {@code type} about {@code item} on the issues topic. */
    private static String traceparentOf(UUID item, String type) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        p.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(p)) {
            var partitions = consumer.partitionsFor("rectification.issues").stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition("rectification.issues", i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long giveUp = System.currentTimeMillis() + 20_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.currentTimeMillis() < giveUp) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    var t = r.headers().lastHeader("ce_type");
                    var tp = r.headers().lastHeader("traceparent");
                    if (item.toString().equals(r.key()) && t != null && type.equals(new String(t.value(), StandardCharsets.UTF_8)) && tp != null) {
                        return new String(tp.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return null;
    }

    /** The sum of {@code keys}' counts (0 for an absent key). */
    private static long count(Map<String, Long> counts, String... keys) {
        long sum = 0;
        for (String k : keys) {
            sum += counts.getOrDefault(k, 0L);
        }
        return sum;
    }

    /** Codes of the notices about {@code item}, oldest first; monthly dispatch (date-dependent) left out. */
    private static List<String> kinds(String token, UUID item) throws Exception {
        return new NotificationsApi(Clients.notification(notifications, token))
                .listNotifications(null, item.toString(), null, null, "100", List.of("id,asc"), null, null)
                .getItems().stream().map(Notification::getCode).filter(k -> !k.startsWith("MONTHLY_")).toList();
    }

    private static boolean signatureValid(String secret, String id, String timestamp, String body, String header)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return List.of(header.split(" ")).contains(expected);
    }


}
