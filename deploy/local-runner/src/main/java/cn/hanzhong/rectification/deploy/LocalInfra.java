package cn.hanzhong.rectification.deploy;

import cn.hanzhong.rectification.platform.testing.JwtKeys;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.LocalPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local infrastructure of {@code deploy/run}: PostgreSQL with the four service databases, a
 * Kafka broker and the JWT key pair, all kept in a data folder so data survives restarts. Writes
 * {@code infra.env} (ports, URLs) when ready and runs until stopped (SIGINT/SIGTERM).
 *
 * <p>Arguments: {@code --data DIR [--pg-port N] [--kafka-port N] [--pg-setting NAME=VALUE ...] [--no-postgres]
 * [--no-kafka]}; {@code --pg-setting} sets a server setting (the benchmarks size {@code shared_buffers} to their tables).
 */
public final class LocalInfra {

    /** The local key for reporters' personal data in petitions-service, generated once per data folder. */
    static Path reporterKey(Path dir) throws IOException {
        return secretKey(dir, "reporter.key");
    }

    /** A 32-byte key (base64) in {@code dir/name}, generated once per data folder, readable by its owner only. */
    static Path secretKey(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "key", ".tmp");
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            Files.writeString(tmp, java.util.Base64.getEncoder().encodeToString(key));
            tmp.toFile().setReadable(false, false);
            tmp.toFile().setReadable(true, true);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }

    static final List<String> DATABASES = List.of("issues", "petitions", "accountability", "notifications");

    public static void main(String[] args) throws Exception {
        Path data = null;
        int pgPort = 15432;
        int kafkaPort = 19092;
        boolean postgres = true;
        boolean kafka = true;
        java.util.Map<String, String> pgSettings = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--pg-port" -> pgPort = Integer.parseInt(args[++i]);
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                case "--pg-setting" -> {
                    String[] kv = args[++i].split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("--pg-setting takes NAME=VALUE, not " + args[i]);
                    }
                    pgSettings.put(kv[0], kv[1]);
                }
                case "--no-postgres" -> postgres = false;
                case "--no-kafka" -> kafka = false;
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data DIR is required");
        }
        Files.createDirectories(data);
        Path envFile = data.resolve("infra.env");
        Files.deleteIfExists(envFile);

        JwtKeys keys = JwtKeys.loadOrCreate(data.resolve("keys"));
        StringBuilder env = new StringBuilder();
        env.append("JWT_PUBLIC_KEY=").append(keys.publicKeyFile()).append('\n');
        env.append("REPORTER_KEY_FILE=").append(reporterKey(data.resolve("keys"))).append('\n');
        env.append("WEBHOOK_KEY_FILE=").append(secretKey(data.resolve("keys"), "webhook-secret.key")).append('\n');
        env.append("OBJECTION_KEY_FILE=").append(secretKey(data.resolve("keys"), "objection-contact.key")).append('\n');

        LocalPostgres pg = null;
        LocalKafka broker = null;
        try {
            if (postgres) {
                pg = LocalPostgres.start(data.resolve("postgres"), pgPort, pgSettings);
                for (String db : DATABASES) {
                    pg.ensureDatabase(db);
                }
                env.append("PG_PORT=").append(pg.port()).append('\n');
                env.append("PG_URL=jdbc:postgresql://127.0.0.1:").append(pg.port()).append('\n');
                env.append("PG_USER=").append(LocalPostgres.USER).append('\n');
            }
            if (kafka) {
                broker = LocalKafka.start(data.resolve("kafka"), kafkaPort);
                env.append("KAFKA_BOOTSTRAP=").append(broker.bootstrapServers()).append('\n');
            }
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            if (pg != null) {
                pg.close();
            }
            throw e;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        LocalPostgres finalPg = pg;
        LocalKafka finalBroker = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(envFile);
            } catch (IOException ignored) {
                // the runner removes the data folder's state itself when it can
            }
            if (finalBroker != null) {
                finalBroker.close();
            }
            if (finalPg != null) {
                finalPg.close();
            }
            stopped.countDown();
        }, "local-infra-stop"));

        Path tmp = Files.createTempFile(data, "infra", ".env");
        Files.writeString(tmp, env.toString());
        Files.move(tmp, envFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("local infrastructure ready: " + env.toString().replace('\n', ' '));
        stopped.await();
    }
}
