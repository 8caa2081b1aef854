package cn.hanzhong.rectification.platform.testing;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local runner's PostgreSQL ({@code deploy/run}) keeps every write it acknowledged through an
 * immediate stop under load: fsync and synchronous_commit are on there (the embedded library turns
 * synchronous_commit off by default, which loses the last acknowledged commits).
 */
class LocalPostgresDurabilityTest {

    @Test
    void everyAcknowledgedWriteSurvivesAnImmediateStopUnderLoad() throws Exception {
        Path dir = Files.createTempDirectory("durable-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LocalPostgres pg = LocalPostgres.start(dir, port);
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        try {
            assertEquals("on", pg.setting("synchronous_commit"));
            assertEquals("on", pg.setting("fsync"));
            pg.ensureDatabase("durable");
            String url = pg.jdbcUrl("durable");
            try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.USER);
                 Statement s = c.createStatement()) {
                s.execute("create table write_log (id bigint primary key)");
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread[] writers = new Thread[4];
            for (int w = 0; w < writers.length; w++) {
                long base = w * 1_000_000L;
                writers[w] = new Thread(() -> {
                    try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.USER);
                         PreparedStatement ps = c.prepareStatement("insert into write_log (id) values (?)")) {
                        for (long id = base; writing.get(); id++) {
                            ps.setLong(1, id);
                            ps.executeUpdate(); // autocommit: returning is the acknowledgement
                            acknowledged.add(id);
                        }
                    } catch (Exception stopped) {
                        // the server went away mid-write: that write was not acknowledged
                    }
                });
                writers[w].start();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 2000);
            pg.stopImmediately();
            writing.set(false);
            for (Thread t : writers) {
                t.join();
            }
        } finally {
            pg.close();
        }

        LocalPostgres again = LocalPostgres.start(dir, port);
        try (Connection c = DriverManager.getConnection(again.jdbcUrl("durable"), LocalPostgres.USER, LocalPostgres.USER);
             PreparedStatement ps = c.prepareStatement("select count(*) from write_log where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", acknowledged.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertTrue(acknowledged.size() >= 2000);
                assertEquals(acknowledged.size(), rs.getLong(1), "every acknowledged write is there after the restart");
            }
        } finally {
            again.close();
        }
    }
}
