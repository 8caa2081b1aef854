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

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts a throw-away server on a free port; its data is deleted on {@link #close()}. */
    public static LocalPostgres startEphemeral() {
        return start(null, 0);
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the cluster lives; {@code null} for a temporary one. An existing
     *                      cluster there is reused, so data survives restarts.
     * @param port          the port to bind, or 0 for a free one
     */
    public static LocalPostgres start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new LocalPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
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
