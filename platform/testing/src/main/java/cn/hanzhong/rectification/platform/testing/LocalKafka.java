package cn.hanzhong.rectification.platform.testing;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Kafka broker (KRaft, one combined broker and controller) running in this JVM on 127.0.0.1.
 *
 * <p>It can be stopped and started again on the same port and log directory, which is how tests
 * prove that producers survive a broker outage.
 */
public final class LocalKafka implements AutoCloseable {

    private final Path logDirectory;
    private final boolean ephemeral;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private LocalKafka(Path logDirectory, boolean ephemeral, int port, int controllerPort) {
        this.logDirectory = logDirectory;
        this.ephemeral = ephemeral;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts a throw-away broker on free ports; its log is deleted on {@link #close()}. */
    public static LocalKafka startEphemeral() {
        RuntimeException last = null;
        // A free port can be taken by another process between choosing it and binding it: try new ones.
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return start(Files.createTempDirectory("kafka-test-"), true, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                if (!isBindFailure(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts a broker whose log lives in {@code logDirectory} (formatted on first use, reused after).
     *
     * @param port the client port, or 0 for a free one
     */
    public static LocalKafka start(Path logDirectory, int port) {
        return start(logDirectory, false, port);
    }

    private static LocalKafka start(Path logDirectory, boolean ephemeral, int port) {
        LocalKafka kafka = new LocalKafka(logDirectory, ephemeral,
                port > 0 ? port : freePort(), previousControllerPort(logDirectory));
        kafka.format();
        kafka.startServer();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker, keeping its log, so that {@link #restart()} brings the same cluster back. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again after {@link #stop()}, on the same port and log. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (ephemeral) {
            deleteRecursively(logDirectory);
        }
    }

    private Path propertiesFile() {
        return logDirectory.resolve("server.properties");
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDirectory.resolve("data").toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.flush.interval.messages", "1");
        return p;
    }

    private void format() {
        try {
            Files.createDirectories(logDirectory);
            try (Writer w = Files.newBufferedWriter(propertiesFile(), StandardCharsets.UTF_8)) {
                properties().store(w, "generated by LocalKafka");
            }
            if (Files.exists(logDirectory.resolve("data").resolve("meta.properties"))) {
                return;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            kafka.tools.StorageTool.execute(new String[] {
                    "format", "-t", Uuid.randomUuid().toString(), "-c", propertiesFile().toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the Kafka log directory " + logDirectory, e);
        }
    }

    private void startServer() {
        KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(properties()), Time.SYSTEM);
        s.startup();
        server = s;
        awaitReady();
    }

    private void awaitReady() {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        RuntimeException last = null;
        while (Instant.now().isBefore(giveUp)) {
            try (Admin admin = Admin.create(config)) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = new IllegalStateException("Kafka is not ready yet", e);
            }
        }
        throw last != null ? last : new IllegalStateException("Kafka did not become ready");
    }

    /** A reused log keeps its controller port, so the quorum it was formatted with stays valid. */
    private static int previousControllerPort(Path logDirectory) {
        Path file = logDirectory.resolve("server.properties");
        if (Files.exists(file)) {
            Properties previous = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                previous.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String voters = previous.getProperty("controller.quorum.voters", "");
            int colon = voters.lastIndexOf(':');
            if (colon > 0) {
                return Integer.parseInt(voters.substring(colon + 1).trim());
            }
        }
        return freePort();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
