package cn.hanzhong.rectification.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service started from its packaged jar as a separate process, as it runs in production. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final String instance;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;
    private final Map<String, String> env;

    private ServiceProcess(String name, String instance, int port, int managementPort, Process process, Path log, Map<String, String> env) {
        this.name = name;
        this.instance = instance;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
        this.env = env;
    }

    static ServiceProcess start(String name, int port, Map<String, String> env) {
        return start(name, name, port, env);
    }

    /** One of several instances of {@code name}: its log is {@code target/e2e-logs/<instance>.log} (appended across restarts). */
    static ServiceProcess start(String name, String instance, int port, Map<String, String> env) {
        Path jar = Path.of("..", "..", name, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the service first (mvn -DskipTests package)");
        }
        try {
            Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
            Path log = logs.resolve(instance + ".log");
            ProcessBuilder pb = new ProcessBuilder(List.of(javaBin(), "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> all = new HashMap<>(env);
            all.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            int management = Ports.free();
            all.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
            pb.environment().putAll(all);
            return new ServiceProcess(name, instance, port, management, pb.start(), log, Map.copyOf(env));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops this instance gracefully (SIGTERM) and starts it again on the same port with the same settings. */
    ServiceProcess restart() {
        close();
        return start(name, instance, port, env);
    }

    String instance() {
        return instance;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    int port() {
        return port;
    }

    /** Health and metrics are on the management port. */
    String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }


    void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        Instant giveUp = Instant.now().plus(timeout);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(managementUrl("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    /** This instance's log (stdout and stderr, appended across restarts). */
    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
