package cn.hanzhong.rectification.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server from the zonky embedded binaries, for tests and local runs.
 *
 * <p>The locale is {@code C.UTF-8}: with locale {@code C}, {@code pg_trgm} finds no trigrams in
 * Chinese text. The server runs as the superuser {@code postgres} with trust authentication on
 * 127.0.0.1 only.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a throw-away server on a free port; its data is deleted on {@link #close()}. Commits are
     * not flushed to disk ({@code fsync}, {@code synchronous_commit} off): tests trade durability for speed.
     */
    public static LocalPostgres startEphemeral() {
        return start(null, 0, false, java.util.Map.of());
    }

    /**
     * Starts a durable server (the local runner's): a commit it acknowledged survives an immediate
     * stop or a crash ({@code fsync} and {@code synchronous_commit} on, unlike the embedded library's
     * defaults).
     *
     * @param dataDirectory where the cluster lives; {@code null} for a temporary one. An existing
     *                      cluster there is reused, so data survives restarts. The server logs to a file of the
     *                      same name with {@code .log} beside it.
     * @param port          the port to bind, or 0 for a free one
     */
    public static LocalPostgres start(Path dataDirectory, int port) {
        return start(dataDirectory, port, true, java.util.Map.of());
    }

    /** As {@link #start(Path, int)}, with server settings over the defaults (e.g. {@code shared_buffers}). */
    public static LocalPostgres start(Path dataDirectory, int port, java.util.Map<String, String> settings) {
        return start(dataDirectory, port, true, settings);
    }

    private static LocalPostgres start(Path dataDirectory, int port, boolean durable, java.util.Map<String, String> settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setPGStartupWait(Duration.ofSeconds(60));
            settings.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                // The server's own log (errors, slow statements, auto_explain plans) beside its cluster: postgres.log.
                java.io.File log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log").toFile();
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log));
            }
            return new LocalPostgres(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /** Stops the server as an immediate shutdown would (SIGQUIT to the postmaster: no checkpoint, crash recovery on start). */
    public void stopImmediately() {
        try {
            Path pidFile = dataDirectory().resolve("postmaster.pid");
            long pid = Long.parseLong(java.nio.file.Files.readAllLines(pidFile).get(0).strip());
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
            kill.waitFor();
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A setting of the running server, e.g. {@code synchronous_commit}. */
    public String setting(String name) {
        try (Connection c = server.getPostgresDatabase().getConnection();
             PreparedStatement ps = c.prepareStatement("select current_setting(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path dataDirectory() {
        if (dataDirectory == null) {
            throw new IllegalStateException("Only a server started with a data directory can be stopped this way");
        }
        return dataDirectory;
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection c = server.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + name + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
