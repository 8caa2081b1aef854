package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.notification.config.NotificationConfig;
import cn.hanzhong.rectification.notification.domain.Notification;
import cn.hanzhong.rectification.notification.service.Inbox;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Feeds one SSE connection: notices after the last id sent, in id order (notices of one recipient
 * commit in id order, see {@code Notices}), then polls for new ones; heartbeats keep proxies open.
 */
final class NoticeStream implements Runnable {

    private static final Logger LOG = Logger.getLogger(NoticeStream.class);

    private final Inbox inbox;
    private final List<String> recipients;
    private final SseEventSink sink;
    private final Sse sse;
    private final NotificationConfig config;
    private long lastId;

    NoticeStream(Inbox inbox, List<String> recipients, long after, SseEventSink sink, Sse sse, NotificationConfig config) {
        this.inbox = inbox;
        this.recipients = recipients;
        this.lastId = after;
        this.sink = sink;
        this.sse = sse;
        this.config = config;
    }

    @Override
    public void run() {
        long nextHeartbeat = System.nanoTime();
        try (sink) {
            while (!sink.isClosed()) {
                for (Notification n : inbox.after(recipients, lastId, 100)) {
                    sink.send(sse.newEventBuilder().id(Long.toString(n.id)).name(n.kind.name())
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(NotificationResponse.of(n)).build())
                            .toCompletableFuture().join();
                    lastId = n.id;
                }
                if (System.nanoTime() >= nextHeartbeat) {
                    sink.send(sse.newEventBuilder().comment("heartbeat").build()).toCompletableFuture().join();
                    nextHeartbeat = System.nanoTime() + config.heartbeatSeconds() * 1_000_000_000L;
                }
                LockSupport.parkNanos(config.streamPollMillis() * 1_000_000L);
            }
        } catch (RuntimeException e) {
            // The client went away (or the connection broke); it resumes with Last-Event-ID.
            LOG.debugf(e, "Notice stream ended");
        }
    }
}
