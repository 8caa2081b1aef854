package cn.hanzhong.rectification.e2e;

import cn.hanzhong.rectification.e2e.client.issues.ApiException;
import cn.hanzhong.rectification.e2e.client.issues.api.IssuesApi;
import cn.hanzhong.rectification.e2e.client.issues.model.Category;
import cn.hanzhong.rectification.e2e.client.issues.model.IssueAction;
import cn.hanzhong.rectification.e2e.client.issues.model.IssueRequest;
import cn.hanzhong.rectification.e2e.client.issues.model.IssueSource;
import cn.hanzhong.rectification.e2e.client.issues.model.ProgressReportRequest;
import cn.hanzhong.rectification.e2e.client.issues.model.TransitionRequest;
import cn.hanzhong.rectification.platform.testing.JwtKeys;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.LocalPostgres;
import cn.hanzhong.rectification.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of every service against one PostgreSQL and one broker whose topics have 3 partitions,
 * as real processes: the outbox relays of both instances publish each event once and in order per
 * aggregate; the consumer group splits the partitions and no notice is created twice; scheduled work
 * (the overdue watch, the reminder scans, the month-end snapshot, the automatic sign-off, the figures'
 * publication) fires once; a live stream on either notification instance
 * gets the notices whichever instance created them; a rolling restart of every instance under a steady
 * write load loses no acknowledged write and duplicates nothing. The figures are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceE2ETest {

    private static final String LEAD = "SSTHJJ";
    private static final String ISSUES_TOPIC = "rectification.issues";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static JwtKeys keys;
    /** service name → its two instances. */
    private static final Map<String, ServiceProcess[]> services = new LinkedHashMap<>();

    @BeforeAll
    static void startTwoOfEverything() throws Exception {
        postgres = LocalPostgres.startEphemeral();
        for (String db : List.of("issues", "notifications", "petitions", "accountability")) {
            postgres.ensureDatabase(db);
        }
        kafka = LocalKafka.startEphemeral();
        keys = JwtKeys.loadOrCreate(Files.createTempDirectory("e2e-multi-keys"));
        Map<String, String> common = Map.of(
                "QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.USER,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
        Map<String, Map<String, String>> envs = new LinkedHashMap<>();
        Map<String, String> issuesEnv = new HashMap<>(common);
        issuesEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("issues"));
        // Both instances share one evidence directory, as pods share one object store.
        issuesEnv.put("ISSUES_EVIDENCE_DIRECTORY", Files.createTempDirectory("e2e-multi-evidence").toString());
        issuesEnv.put("ISSUES_OVERDUE_CRON", "0/2 * * * * ?");
        // The month-end snapshot and the automatic sign-off also run every 2 s on both instances.
        issuesEnv.put("ISSUES_SNAPSHOT_CRON", "1/2 * * * * ?");
        issuesEnv.put("ISSUES_SIGN_OFF_CRON", "0/2 * * * * ?");
        // And the figures for the bulletins are looked at every second by both.
        issuesEnv.put("ISSUES_STATS_PUBLISH_EVERY", "1s");
        issuesEnv.put("ISSUES_STATS_PUBLISH_DELAY", "1s");
        envs.put("issues-service", issuesEnv);
        Map<String, String> notificationEnv = new HashMap<>(common);
        notificationEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("notifications"));
        notificationEnv.put("NOTIFICATION_WEBHOOKS_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        notificationEnv.put("NOTIFICATION_SCAN_EVERY", "1s");
        notificationEnv.put("NOTIFICATION_SCAN_DELAY", "1s");
        envs.put("notification-service", notificationEnv);
        Map<String, String> petitionsEnv = new HashMap<>(common);
        petitionsEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("petitions"));
        petitionsEnv.put("PETITIONS_REPORTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        envs.put("petitions-service", petitionsEnv);
        Map<String, String> accountabilityEnv = new HashMap<>(common);
        accountabilityEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("accountability"));
        envs.put("accountability-service", accountabilityEnv);
        for (var e : envs.entrySet()) {
            services.put(e.getKey(), new ServiceProcess[] {
                    ServiceProcess.start(e.getKey(), e.getKey() + "-a", Ports.free(), e.getValue()),
                    ServiceProcess.start(e.getKey(), e.getKey() + "-b", Ports.free(), e.getValue())});
        }
        for (ServiceProcess[] pair : services.values()) {
            for (ServiceProcess p : pair) {
                p.awaitReady(Duration.ofSeconds(300));
            }
        }
    }

    @AfterAll
    static void stopEverything() {
        for (ServiceProcess[] pair : services.values()) {
            for (ServiceProcess p : pair) {
                try {
                    p.close();
                } catch (RuntimeException ignored) {
                    // best effort
                }
            }
        }
        for (AutoCloseable c : new AutoCloseable[] {kafka, postgres}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private static ServiceProcess issues(int i) {
        return services.get("issues-service")[i % 2];
    }

    private static ServiceProcess notification(int i) {
        return services.get("notification-service")[i % 2];
    }

    private static String token(String role, String unit) {
        Tokens t = Tokens.signedWith(keys.privateKey()).roles(role).name(role + " e2e");
        return (unit != null ? t.unit(unit) : t).sign();
    }

    private static IssuesApi issuesApi(int instance, String token) {
        return new IssuesApi(Clients.issues(issues(instance), token));
    }

    @Test
    @Order(1)
    void eachEventOnceInOrderPerAggregateAndEachNoticeOnceAcrossTwoInstances() throws Exception {
        String office = token("office", null);
        String lead = token("unit", LEAD);
        int n = 12;
        List<UUID> ids = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            // Each aggregate's writes alternate between the two instances (and so do their outbox rows).
            UUID id = issuesApi(k, office).registerIssue(new IssueRequest().source(IssueSource.REPORT)
                    .title("多实例：第 " + k + " 项").category(Category.AIR), null).getId();
            issuesApi(k + 1, office).transitionIssue(id, new TransitionRequest().action(IssueAction.ASSIGN).leadUnit(LEAD)
                    .deadlineWorkingDays(3), null, null);
            issuesApi(k, lead).transitionIssue(id, new TransitionRequest().action(IssueAction.START), null, null);
            issuesApi(k + 1, lead).reportProgress(id, new ProgressReportRequest().period(YearMonth.now(SHANGHAI).toString())
                    .percent(40).narrative("推进中"), null);
            ids.add(id);
        }
        // register; ASSIGN (its status change, then the assignment); START; the monthly report.
        List<String> expected = List.of("issue.registered", "issue.status-changed", "issue.assigned", "issue.status-changed",
                "issue.progress-reported");
        Map<String, List<JsonNode>> byIssue = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> eventsByKey(ISSUES_TOPIC), m -> ids.stream().allMatch(id -> types(m.get(id.toString())).size() >= expected.size()));
        Set<String> eventIds = new HashSet<>();
        int events = 0;
        for (UUID id : ids) {
            List<JsonNode> mine = byIssue.get(id.toString());
            assertEquals(1, mine.stream().map(e -> e.get("_partition").asInt()).distinct().count(), "one partition per aggregate");
            assertEquals(expected, types(mine), "in the order of the writes, each once: " + id);
            for (JsonNode e : mine) {
                assertTrue(eventIds.add(e.get("id").asText()), "published once: " + e);
                events++;
            }
        }
        System.out.printf("[multi-instance] %d issues written through two instances: %d events, each once and in order%n", n, events);

        // Notices: each once, though two instances consume and two instances scan for reminders every second.
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> noticeCounts(id, LEAD).keySet()
                .containsAll(List.of("ASSIGNED", "REMINDER"))));
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
                .allMatch(id -> noticeCounts(id, LEAD).values().stream().allMatch(c -> c == 1)));
        ConsumerGroupDescription group = consumerGroup("notification-service");
        Map<String, Set<Integer>> assignment = new HashMap<>();
        for (MemberDescription m : group.members()) {
            assignment.put(m.consumerId(), m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(ISSUES_TOPIC))
                    .map(TopicPartition::partition).collect(Collectors.toSet()));
        }
        assertEquals(2, assignment.size(), "both notification instances are members: " + assignment);
        assertTrue(assignment.values().stream().allMatch(p -> !p.isEmpty()), "each holds partitions of the issues topic: " + assignment);
        assertEquals(3, assignment.values().stream().mapToInt(Set::size).sum(), "the 3 partitions split, none twice: " + assignment);
        System.out.printf("[multi-instance] notification-service group: %s; every notice once%n", assignment.values());

        // The overdue watch runs every 2 s on both issues instances: one issue.overdue per deadline.
        List<UUID> late = ids.subList(0, 4);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("issues"), LocalPostgres.USER, LocalPostgres.USER);
             PreparedStatement s = c.prepareStatement("update issue set deadline = ? where id = ?")) {
            for (UUID id : late) {
                s.setObject(1, LocalDate.now(SHANGHAI).minusDays(2));
                s.setObject(2, id);
                s.executeUpdate();
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> eventsByKey(ISSUES_TOPIC),
                m -> late.stream().allMatch(id -> types(m.get(id.toString())).contains("issue.overdue")));
        // Still once after several more runs of both watches (a topic read takes a few seconds here).
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, List<JsonNode>> m = eventsByKey(ISSUES_TOPIC);
            return late.stream().allMatch(id -> types(m.get(id.toString())).stream().filter("issue.overdue"::equals).count() == 1);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> late.stream().allMatch(id -> noticeCounts(id, LEAD).getOrDefault("OVERDUE", 0) == 1));
        System.out.printf("[multi-instance] overdue watch on two instances every 2 s: %d issues, one issue.overdue each%n", late.size());
    }

    @Test
    @Order(2)
    void theMonthEndSnapshotAndTheAutomaticSignOffFireOnceOnTwoInstances() throws Exception {
        // Both instances look for last month's snapshot every 2 s from their start: one is taken, by the schedule.
        String lastMonth = YearMonth.now(SHANGHAI).minusMonths(1).toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("issues", "select count(*) from ledger_snapshot") > 0);
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(30)).until(() ->
                count("issues", "select count(*) from ledger_snapshot") == 1
                && count("issues", "select count(*) from ledger_snapshot where period = '" + lastMonth + "' and taken_by = 'schedule'") == 1);
        for (ServiceProcess p : services.get("issues-service")) {
            // Without the lock the second instance's insert would fail on the primary key and be logged.
            assertFalse(Files.readAllLines(p.log()).stream().anyMatch(l -> l.contains("ERROR") && l.toLowerCase().contains("snapshot")),
                    "no instance failed to take the snapshot: see " + p.log());
        }
        System.out.printf("[multi-instance] month-end snapshot on two instances every 2 s: 1 snapshot (%s)%n", lastMonth);

        // Issues verified and on public notice; their window is moved into the past, as the calendar would move it.
        String office = token("office", null);
        String lead = token("unit", LEAD);
        List<UUID> noticed = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            UUID id = issuesApi(k, office).registerIssue(new IssueRequest().source(IssueSource.REPORT)
                    .title("多实例：销号公示 " + k).category(Category.SOIL), null).getId();
            issuesApi(k + 1, office).transitionIssue(id, new TransitionRequest().action(IssueAction.ASSIGN).leadUnit(LEAD)
                    .deadlineWorkingDays(20), null, null);
            issuesApi(k, lead).transitionIssue(id, new TransitionRequest().action(IssueAction.START), null, null);
            issuesApi(k + 1, lead).transitionIssue(id, new TransitionRequest().action(IssueAction.REQUEST_ACCEPTANCE)
                    .evidence("整改前后对比照片").selfAssessment("已完成全部整改措施"), null, null);
            issuesApi(k, office).transitionIssue(id, new TransitionRequest().action(IssueAction.VERIFY)
                    .opinion("经现场核查，整改到位"), null, null);
            noticed.add(id);
        }
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("issues"), LocalPostgres.USER, LocalPostgres.USER);
             PreparedStatement s = c.prepareStatement(
                     "update sign_off_notice set starts_on = ?, ends_on = ? where issue_id = ? and status = 'OPEN'")) {
            for (UUID id : noticed) {
                s.setObject(1, LocalDate.now(SHANGHAI).minusDays(9));
                s.setObject(2, LocalDate.now(SHANGHAI).minusDays(2));
                s.setObject(3, id);
                assertEquals(1, s.executeUpdate(), "one open notice: " + id);
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> eventsByKey(ISSUES_TOPIC),
                m -> noticed.stream().allMatch(id -> types(m.get(id.toString())).contains("issue.signed-off")));
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, List<JsonNode>> m = eventsByKey(ISSUES_TOPIC);
            return noticed.stream().allMatch(id -> types(m.get(id.toString())).stream().filter("issue.signed-off"::equals).count() == 1);
        });
        String ids = noticed.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        assertEquals(noticed.size(), count("issues", "select count(*) from issue where status = 'SIGNED_OFF' and id in (" + ids + ")"));
        assertEquals(noticed.size(), count("issues", "select count(*) from sign_off_notice where status = 'SIGNED_OFF' and issue_id in (" + ids + ")"));
        System.out.printf("[multi-instance] automatic sign-off on two instances every 2 s: %d issues, one issue.signed-off each%n",
                noticed.size());

        // The figures: published when they changed, whichever instance looked — never the same figures twice in a row.
        List<JsonNode> figures = eventsByKey(ISSUES_TOPIC).getOrDefault("stats", List.of());
        assertTrue(figures.size() >= 2, "the figures were published as they changed: " + figures.size());
        for (int k = 1; k < figures.size(); k++) {
            com.fasterxml.jackson.databind.node.ObjectNode before = figures.get(k - 1).get("data").deepCopy();
            com.fasterxml.jackson.databind.node.ObjectNode after = figures.get(k).get("data").deepCopy();
            before.remove("asOf");
            after.remove("asOf");
            assertFalse(before.equals(after), "publication " + k + " repeats the one before it: " + after);
        }
        System.out.printf("[multi-instance] figures looked at every second on two instances: %d publications, none a repeat%n",
                figures.size());
    }

    @Test
    @Order(3)
    void aLiveStreamOnEitherInstanceGetsTheNoticesWhicheverInstanceCreatedThem() throws Exception {
        String office = token("office", null);
        String lead = token("unit", LEAD);
        List<List<String>> streamed = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        List<HttpResponse<InputStream>> streams = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<InputStream> sse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(notification(i).url("/api/v1/notifications/stream")))
                    .header("Authorization", "Bearer " + lead).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, sse.statusCode());
            streams.add(sse);
            List<String> into = streamed.get(i);
            CompletableFuture.runAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            into.add(line.substring(5).strip());
                        }
                    }
                } catch (IOException ignored) {
                    // closed at the end of the test
                }
            });
        }
        // Each notice is created once, on the instance that holds its issue's partition; both streams must carry
        // every one. Issues are written until their keys reached partitions of both instances.
        ConsumerGroupDescription group = consumerGroup("notification-service");
        List<Set<Integer>> held = group.members().stream().map(m -> m.assignment().topicPartitions().stream()
                .filter(tp -> tp.topic().equals(ISSUES_TOPIC)).map(TopicPartition::partition).collect(Collectors.toSet())).toList();
        assertEquals(2, held.size(), "two members: " + held);
        List<UUID> ids = new ArrayList<>();
        Set<Integer> creators = new HashSet<>();
        for (int k = 0; k < 40 && (ids.size() < 6 || creators.size() < 2); k++) {
            UUID id = issuesApi(k, office).registerIssue(new IssueRequest().source(IssueSource.REPORT)
                    .title("多实例：实时推送 " + k).category(Category.WATER), null).getId();
            issuesApi(k + 1, office).transitionIssue(id, new TransitionRequest().action(IssueAction.ASSIGN).leadUnit(LEAD)
                    .deadlineWorkingDays(10), null, null);
            ids.add(id);
            int partition = partitionOf(id.toString(), 3);
            for (int m = 0; m < held.size(); m++) {
                if (held.get(m).contains(partition)) {
                    creators.add(m);
                }
            }
        }
        assertEquals(2, creators.size(), "the keys reached partitions of both instances");
        for (int i = 0; i < 2; i++) {
            List<String> into = streamed.get(i);
            await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> into.stream()
                    .anyMatch(d -> d.contains(id.toString()) && d.contains("\"code\":\"ASSIGNED\""))));
        }
        System.out.printf("[multi-instance] both live streams got all %d notices, created on both instances%n", ids.size());
        streams.forEach(s -> {
            try {
                s.body().close();
            } catch (IOException ignored) {
                // closing
            }
        });
    }

    @Test
    @Order(4)
    void aRollingRestartUnderLoadLosesNoAcknowledgedWriteAndDuplicatesNothing() throws Exception {
        String office = token("office", null);
        List<UUID> registered = new CopyOnWriteArrayList<>();
        List<UUID> assigned = new CopyOnWriteArrayList<>();
        AtomicInteger retries = new AtomicInteger();
        // A steady load: one logical write every 40 ms after the previous one finished.
        AtomicInteger written = new AtomicInteger();
        java.util.concurrent.ScheduledExecutorService load = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.ScheduledFuture<?> writer = load.scheduleWithFixedDelay(() -> {
            int k = written.incrementAndGet();
            // One logical write = one Idempotency-Key: retried on the other instance when this one is down.
            String key = UUID.randomUUID().toString();
            String title = "多实例：滚动重启 " + k;
            UUID id = withFailover(k, retries, i -> issuesApi(i, office).registerIssue(new IssueRequest().source(IssueSource.REPORT)
                    .title(title).category(Category.SOIL), key).getId());
            registered.add(id);
            String assignKey = UUID.randomUUID().toString();
            withFailover(k + 1, retries, i -> issuesApi(i, office).transitionIssue(id, new TransitionRequest()
                    .action(IssueAction.ASSIGN).leadUnit(LEAD).deadlineWorkingDays(10), null, assignKey));
            assigned.add(id);
        }, 0, 40, java.util.concurrent.TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> stillWriting(writer) && assigned.size() >= 5);
        List<String> restartTimes = new ArrayList<>();
        for (var entry : services.entrySet()) {
            ServiceProcess[] pair = entry.getValue();
            for (int i = 0; i < 2; i++) {
                long started = System.nanoTime();
                pair[i] = pair[i].restart();
                pair[i].awaitReady(Duration.ofSeconds(180));
                restartTimes.add(pair[i].instance() + " " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
                int before = assigned.size();
                await().atMost(Duration.ofSeconds(60)).until(() -> stillWriting(writer) && assigned.size() > before + 3);
            }
        }
        writer.cancel(false);
        load.shutdown();
        assertTrue(load.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS), "the last write finished");
        assertFalse(writer.isDone() && !writer.isCancelled(), "the writer never failed (a refused write ends it)");

        Map<String, List<JsonNode>> events = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> eventsByKey(ISSUES_TOPIC), m -> assigned.stream().allMatch(id -> types(m.get(id.toString())).contains("issue.assigned")));
        int lostEvents = 0, duplicateEvents = 0;
        Set<String> seen = new HashSet<>();
        for (UUID id : registered) {
            List<String> types = types(events.get(id.toString()));
            if (types.stream().filter("issue.registered"::equals).count() != 1) {
                lostEvents++;
            }
        }
        for (List<JsonNode> list : events.values()) {
            for (JsonNode e : list) {
                if (!seen.add(e.get("id").asText())) {
                    duplicateEvents++;
                }
            }
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> assignedNotices(LEAD).keySet().containsAll(assigned));
        Map<UUID, Integer> notices = assignedNotices(LEAD);
        long duplicateNotices = notices.values().stream().filter(c -> c > 1).count();
        long lostNotices = assigned.stream().filter(id -> !notices.containsKey(id)).count();
        int issuesInLedger = count("issues", "select count(*) from issue where title like '多实例：滚动重启%'");
        System.out.printf("[multi-instance] rolling restart of 8 instances under load: %d issues acknowledged (%d assigned, %d in the "
                        + "ledger, %d requests retried on the other instance); events lost %d, duplicated %d; notices lost %d, duplicated %d%n",
                registered.size(), assigned.size(), issuesInLedger, retries.get(), lostEvents, duplicateEvents, lostNotices, duplicateNotices);
        System.out.printf("[multi-instance] restart to ready: %s%n", String.join(", ", restartTimes));
        assertEquals(0, lostEvents, "every acknowledged registration published once");
        assertEquals(0, duplicateEvents, "no event published twice");
        assertEquals(0, lostNotices, "every acknowledged assignment told the lead unit");
        assertEquals(0, duplicateNotices, "no notice twice");
        assertEquals(registered.size(), issuesInLedger, "one ledger row per logical write, retries included (Idempotency-Key)");
    }

    /** True while the load runs; a write that failed ends it, and its failure ends the test with its own message. */
    private static boolean stillWriting(java.util.concurrent.Future<?> writer) throws Exception {
        if (writer.isDone() && !writer.isCancelled()) {
            try {
                writer.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("the load stopped: " + e.getCause(), e.getCause());
            }
        }
        return true;
    }

    /**
     * A call retried (every 100 ms, on the other instance in turn) while one is down: connection refused, 5xx, or 409
     * {@code idempotency-key-in-use} while the first attempt still runs on the stopping instance (its Retry-After).
     */
    private static <T> T withFailover(int start, AtomicInteger retries, IssuesCall<T> call) {
        AtomicInteger attempt = new AtomicInteger(start);
        return await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).pollInSameThread()
                .until(() -> {
                    try {
                        return call.on(attempt.getAndIncrement());
                    } catch (ApiException e) {
                        boolean stillRunning = e.getCode() == 409 && e.getResponseBody() != null
                                && e.getResponseBody().contains("idempotency-key-in-use");
                        if (e.getCode() != 0 && e.getCode() < 500 && !stillRunning) {
                            throw new AssertionError("refused: " + e.getCode() + " " + e.getResponseBody(), e);
                        }
                        retries.incrementAndGet();
                        return null;
                    }
                }, java.util.Objects::nonNull);
    }

    @FunctionalInterface
    private interface IssuesCall<T> {
        T on(int instance) throws ApiException;
    }

    /** Every record of {@code topic} from the beginning, grouped by key, in partition order; {@code _partition} added. */
    private static Map<String, List<JsonNode>> eventsByKey(String topic) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, List<JsonNode>> out = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    com.fasterxml.jackson.databind.node.ObjectNode e = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(r.value());
                    e.put("_partition", r.partition());
                    out.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        return out;
    }

    /** The partition Kafka's default partitioner gives {@code key}. */
    private static int partitionOf(String key, int partitions) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)))
                % partitions;
    }

    private static List<String> types(List<JsonNode> events) {
        return events == null ? List.of() : events.stream().map(e -> e.get("type").asText()).toList();
    }

    private static ConsumerGroupDescription consumerGroup(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
        }
    }

    /** Notices about {@code item} to {@code recipient}: kind → how many rows. */
    private static Map<String, Integer> noticeCounts(UUID item, String recipient) {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("notifications"), LocalPostgres.USER, LocalPostgres.USER);
             PreparedStatement s = c.prepareStatement(
                     "select kind, count(*) from notification where item_id = ? and recipient = ? group by kind")) {
            s.setObject(1, item);
            s.setString(2, recipient);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getInt(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** ASSIGNED notices to {@code recipient}: item → how many rows. */
    private static Map<UUID, Integer> assignedNotices(String recipient) throws Exception {
        Map<UUID, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("notifications"), LocalPostgres.USER, LocalPostgres.USER);
             PreparedStatement s = c.prepareStatement(
                     "select item_id, count(*) from notification where kind = 'ASSIGNED' and recipient = ? group by item_id")) {
            s.setString(1, recipient);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put((UUID) r.getObject(1), r.getInt(2));
                }
            }
        }
        return out;
    }

    private static int count(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), LocalPostgres.USER, LocalPostgres.USER);
             ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

}
