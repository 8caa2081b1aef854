package cn.hanzhong.rectification.notification.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Listens on PostgreSQL for commits on any instance: {@value Notices#CHANNEL} wakes the live streams
 * of the notice's recipient; {@value SubscriptionCache#CHANNEL} drops the cached webhook
 * subscriptions. One connection and one thread per instance; after a lost connection every stream
 * looks again, so nothing committed meanwhile is missed.
 */
@ApplicationScoped
public class NoticeListener {

    private static final Logger LOG = Logger.getLogger(NoticeListener.class);

    private final AgroalDataSource dataSource;
    private final NoticeStreams streams;
    private final SubscriptionCache subscriptions;
    private volatile boolean running;
    private Thread worker;

    public NoticeListener(AgroalDataSource dataSource, NoticeStreams streams, SubscriptionCache subscriptions) {
        this.dataSource = dataSource;
        this.streams = streams;
        this.subscriptions = subscriptions;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::loop, "notice-listener");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + Notices.CHANNEL);
                    s.execute("LISTEN " + SubscriptionCache.CHANNEL);
                }
                if (failures > 0) {
                    LOG.infof("Listening for notices again after %d failures", failures);
                    streams.wakeAll();
                    subscriptions.invalidate();
                }
                failures = 0;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] got = pg.getNotifications(1000);
                    if (got == null) {
                        continue;
                    }
                    for (PGNotification n : got) {
                        if (Notices.CHANNEL.equals(n.getName())) {
                            streams.wake(n.getParameter());
                        } else {
                            subscriptions.invalidate();
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                failures++;
                if (running) {
                    LOG.warnf("Notice listener lost its connection (attempt %d): %s", failures, e.getMessage());
                    try {
                        Thread.sleep(Math.min(10_000L, 250L << Math.min(failures, 6)));
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }
}
