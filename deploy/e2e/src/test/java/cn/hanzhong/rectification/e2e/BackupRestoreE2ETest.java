package cn.hanzhong.rectification.e2e;

import cn.hanzhong.rectification.deploy.Backup;
import cn.hanzhong.rectification.e2e.client.issues.api.IssuesApi;
import cn.hanzhong.rectification.e2e.client.issues.model.Category;
import cn.hanzhong.rectification.e2e.client.issues.model.IssueAction;
import cn.hanzhong.rectification.e2e.client.issues.model.IssueRequest;
import cn.hanzhong.rectification.e2e.client.issues.model.IssueSource;
import cn.hanzhong.rectification.e2e.client.issues.model.TransitionRequest;
import cn.hanzhong.rectification.e2e.client.petitions.api.PetitionBatchesApi;
import cn.hanzhong.rectification.e2e.client.petitions.model.Channel;
import cn.hanzhong.rectification.e2e.client.petitions.model.District;
import cn.hanzhong.rectification.e2e.client.petitions.model.PetitionBatchRequest;
import cn.hanzhong.rectification.e2e.client.petitions.model.PetitionCase;
import cn.hanzhong.rectification.e2e.client.petitions.model.PollutionType;
import cn.hanzhong.rectification.e2e.client.petitions.model.Reporter;
import cn.hanzhong.rectification.platform.testing.JwtKeys;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.LocalPostgres;
import cn.hanzhong.rectification.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backup drill: the local runner's durable PostgreSQL and the four services, data written through the
 * API (issues assigned, petitions received, the notices they cause), an online backup with
 * {@link Backup}, everything wiped, the backup restored, and every table of every service's database —
 * ledger, petitions, cases, notices, outboxes and inboxes — equal, row for row, to what it held.
 */
class BackupRestoreE2ETest {

    private static final List<String> DATABASES = List.of("issues", "petitions", "accountability", "notifications");

    @Test
    void aBackupRestoresEveryDatabaseAndTheEvidence() throws Exception {
        Path root = Files.createTempDirectory("e2e-backup");
        Path pgData = root.resolve("postgres");
        Path evidence = Files.createDirectories(root.resolve("evidence"));
        int pgPort = Ports.free();
        JwtKeys keys = JwtKeys.loadOrCreate(root.resolve("keys"));
        String office = Tokens.signedWith(keys.privateKey()).roles("office").name("office e2e").sign();
        Map<String, Map<String, String>> before;
        Path backup = root.resolve("backup");
        try (LocalKafka kafka = LocalKafka.startEphemeral()) {
            LocalPostgres pg = LocalPostgres.start(pgData, pgPort);
            List<ServiceProcess> services = new ArrayList<>();
            try {
                DATABASES.forEach(pg::ensureDatabase);
                Map<String, String> common = Map.of("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER,
                        "QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.USER, "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString());
                Map<String, String> db = Map.of("issues-service", "issues", "petitions-service", "petitions",
                        "accountability-service", "accountability", "notification-service", "notifications");
                for (var e : db.entrySet()) {
                    Map<String, String> env = new HashMap<>(common);
                    env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(e.getValue()));
                    env.put("ISSUES_EVIDENCE_DIRECTORY", evidence.toString());
                    env.put("PETITIONS_REPORTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
                    env.put("NOTIFICATION_WEBHOOKS_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
                    services.add(ServiceProcess.start(e.getKey(), e.getKey() + "-drill", Ports.free(), env));
                }
                for (ServiceProcess s : services) {
                    s.awaitReady(Duration.ofSeconds(180));
                }
                ServiceProcess issues = services.stream().filter(s -> s.instance().startsWith("issues")).findFirst().orElseThrow();
                ServiceProcess petitions = services.stream().filter(s -> s.instance().startsWith("petitions")).findFirst().orElseThrow();
                IssuesApi api = new IssuesApi(Clients.issues(issues, office));
                List<UUID> ids = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    UUID id = api.registerIssue(new IssueRequest().source(IssueSource.REPORT).title("备份演练 " + k).category(Category.WATER), null)
                            .getId();
                    api.transitionIssue(id, new TransitionRequest().action(IssueAction.ASSIGN).leadUnit("SSTHJJ").deadlineWorkingDays(10),
                            null, null);
                    ids.add(id);
                }
                LocalDate received = LocalDate.now().minusDays(1);
                new PetitionBatchesApi(Clients.petitions(petitions, office)).postPetitionBatch(new PetitionBatchRequest().number(1)
                        .receivedOn(received).cases(List.of(new PetitionCase().caseNumber("DRILL-1").receivedAt(received)
                                .channel(Channel.PHONE).priority(false).content("备份演练：夜间噪声").location("汉台区").district(District.HTQ)
                                .pollutionTypes(List.of(PollutionType.NOISE)).reporter(new Reporter().name("王五").phone("13700000000")))), null);
                Files.writeString(Files.createDirectories(evidence.resolve("sha256/ab")).resolve("drill"), "一案一档");
                // Everything written has reached the notices (and the outboxes have been sent).
                await().atMost(Duration.ofSeconds(60)).until(() -> count(pg, "notifications",
                        "select count(distinct item_id) from notification where kind = 'ASSIGNED'") == ids.size()
                        && count(pg, "issues", "select count(*) from outbox_event where sent_at is null") == 0);
            } finally {
                services.forEach(ServiceProcess::close);
            }
            before = snapshot(pg);
            Backup.backup("jdbc:postgresql://127.0.0.1:" + pgPort, pgData, evidence, backup);
            pg.close();
        }
        // Wiped: the cluster and the files are gone.
        deleteTree(pgData);
        deleteTree(evidence);
        Backup.restore(backup, pgData, evidence);
        LocalPostgres restored = LocalPostgres.start(pgData, pgPort);
        try {
            Map<String, Map<String, String>> after = snapshot(restored);
            assertEquals(before, after, "every table of every database as it was");
            int tables = before.values().stream().mapToInt(Map::size).sum();
            long rows = before.values().stream().flatMap(m -> m.values().stream()).mapToLong(v -> Long.parseLong(v.split(" ")[0])).sum();
            assertTrue(Integer.parseInt(before.get("notifications").get("notification").split(" ")[0]) >= 3, "notices were there");
            assertEquals("一案一档", Files.readString(evidence.resolve("sha256/ab/drill")), "the evidence files are back");
            System.out.printf("[backup] %d tables, %d rows in 4 databases and the evidence files: restored equal%n", tables, rows);
        } finally {
            restored.close();
        }
    }

    /** Per database, per table of its public schema: "rows md5-of-all-rows". */
    private static Map<String, Map<String, String>> snapshot(LocalPostgres pg) throws Exception {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String db : DATABASES) {
            Map<String, String> tables = new LinkedHashMap<>();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(db), LocalPostgres.USER, LocalPostgres.USER)) {
                List<String> names = new ArrayList<>();
                try (ResultSet r = c.createStatement().executeQuery(
                        "select tablename from pg_tables where schemaname = 'public' order by tablename")) {
                    while (r.next()) {
                        names.add(r.getString(1));
                    }
                }
                for (String t : names) {
                    try (ResultSet r = c.createStatement().executeQuery("select count(*), coalesce(md5(string_agg(x::text, '|' order by x::text)), '-') "
                            + "from \"" + t + "\" x")) {
                        r.next();
                        tables.put(t, r.getLong(1) + " " + r.getString(2));
                    }
                }
            }
            out.put(db, tables);
        }
        return out;
    }

    private static long count(LocalPostgres pg, String db, String sql) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(db), LocalPostgres.USER, LocalPostgres.USER);
             ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
