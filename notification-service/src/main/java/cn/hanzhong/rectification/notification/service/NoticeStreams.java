package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.config.NotificationConfig;
import cn.hanzhong.rectification.notification.domain.Notification;
import cn.hanzhong.rectification.platform.errors.TooManyRequestsException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open live streams of this instance, fed without a thread per connection: a commit that adds a
 * notice wakes the streams of its recipient ({@link NoticeListener}, also across instances); one
 * feeder thread reads the new notices once per recipient and writes them to every stream of that
 * recipient, in id order and each once. Caps per person and per instance; heartbeats; a stream whose
 * token expired is closed with a final {@code token-expired} event.
 */
@ApplicationScoped
public class NoticeStreams {

    private static final Logger LOG = Logger.getLogger(NoticeStreams.class);
    private static final int FETCH = 200;

    /** Where a stream's events go; implemented by the REST layer over the SSE connection. */
    public interface Sink {
        /** Sends a notice; false when the connection is gone. */
        boolean send(Notification n);

        boolean comment(String text);

        /** Sends a final named event and closes. */
        void close(String event, String data);

        boolean isClosed();

        /** Ends the connection without a final event (it is already failing); the client reconnects. */
        void abort();
    }

    /** One open stream. */
    public static final class Stream {
        final long id;
        final String subject;
        final List<String> recipients;
        final Sink sink;
        final Instant expiresAt;
        /** Per recipient: the last notice id sent (notices of one recipient commit in id order). */
        final Map<String, Long> cursors = new ConcurrentHashMap<>();

        Stream(long id, String subject, List<String> recipients, Sink sink, Instant expiresAt, long after) {
            this.id = id;
            this.subject = subject;
            this.recipients = List.copyOf(recipients);
            this.sink = sink;
            this.expiresAt = expiresAt;
            recipients.forEach(r -> cursors.put(r, after));
        }
    }

    private final NoticeInbox inbox;
    private final Clock clock;
    private final NotificationConfig config;
    private final Map<Long, Stream> open = new ConcurrentHashMap<>();
    private final Map<String, Set<Stream>> byRecipient = new ConcurrentHashMap<>();
    private final Map<String, Set<Stream>> bySubject = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong ids = new AtomicLong();
    private final ExecutorService feeder = Executors.newSingleThreadExecutor(r -> daemon(r, "notice-stream-feeder"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "notice-stream-timer"));

    public NoticeStreams(NoticeInbox inbox, NotificationConfig config, MeterRegistry registry, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
        this.config = config;
        Gauge.builder("notification.streams.open", open, Map::size).description("Open live streams").register(registry);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void start(@Observes StartupEvent event) {
        long heartbeat = config.streams().heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::expire, 1, 1, TimeUnit.SECONDS);
        long safety = config.streams().safetyPoll().toMillis();
        timer.scheduleWithFixedDelay(this::wakeAll, safety, safety, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
        feeder.shutdownNow();
        open.values().forEach(s -> s.sink.close("shutdown", "{\"reason\":\"the service is stopping; reconnect with Last-Event-ID\"}"));
    }

    /**
     * Opens a stream of {@code recipients}' notices after {@code after}.
     *
     * @throws TooManyRequestsException above the per-person or per-instance cap
     */
    public synchronized Stream open(String subject, List<String> recipients, long after, Sink sink, Instant expiresAt) {
        prune();
        if (open.size() >= config.streams().maxPerInstance()) {
            throw new TooManyRequestsException("This instance holds its maximum of " + config.streams().maxPerInstance()
                    + " live streams", config.streams().retryAfter());
        }
        Set<Stream> mine = bySubject.getOrDefault(subject, Set.of());
        if (mine.size() >= config.streams().maxPerPerson()) {
            throw new TooManyRequestsException("At most " + config.streams().maxPerPerson()
                    + " live streams per person; close one first", config.streams().retryAfter());
        }
        // The first write goes out from the request thread, before the stream is registered: it sends the
        // response head, so the heartbeat and feeder threads never race the framework for the head.
        sink.comment("connected");
        Stream s = new Stream(ids.incrementAndGet(), subject, recipients, sink, expiresAt, after);
        open.put(s.id, s);
        bySubject.computeIfAbsent(subject, k -> ConcurrentHashMap.newKeySet()).add(s);
        for (String r : s.recipients) {
            byRecipient.computeIfAbsent(r, k -> ConcurrentHashMap.newKeySet()).add(s);
        }
        feeder.execute(() -> catchUp(s));
        return s;
    }

    public int openCount() {
        return open.size();
    }

    /** A notice for {@code recipient} committed (here or on another instance). */
    public void wake(String recipient) {
        if (byRecipient.containsKey(recipient)) {
            dirty.add(recipient);
            scheduleDrain();
        }
    }

    /** Every stream looks again (after a lost connection to the database, and as a safety net). */
    public void wakeAll() {
        dirty.addAll(byRecipient.keySet());
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                feeder.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
            }
        }
    }

    private void drain() {
        draining.set(false);
        List<String> recipients = new ArrayList<>(dirty);
        dirty.removeAll(recipients);
        for (String r : recipients) {
            try {
                feed(r);
            } catch (RuntimeException e) {
                LOG.warnf("Live streams of %s not fed (%s); trying again", r, e.getMessage());
                dirty.add(r);
            }
        }
        if (!dirty.isEmpty()) {
            scheduleDrain();
        }
    }

    /** Reads the new notices of one recipient once and writes them to each of its streams. */
    private void feed(String recipient) {
        Collection<Stream> streams = byRecipient.getOrDefault(recipient, Set.of());
        if (streams.isEmpty()) {
            return;
        }
        long from = streams.stream().mapToLong(s -> s.cursors.getOrDefault(recipient, 0L)).min().orElse(0);
        List<Notification> found = inbox.after(List.of(recipient), from, FETCH);
        for (Stream s : streams) {
            for (Notification n : found) {
                if (n.id > s.cursors.getOrDefault(recipient, 0L)) {
                    if (!s.sink.send(n)) {
                        remove(s);
                        break;
                    }
                    s.cursors.put(recipient, n.id);
                }
            }
        }
        if (found.size() == FETCH) {
            dirty.add(recipient);
        }
    }

    private void catchUp(Stream s) {
        try {
            for (String r : s.recipients) {
                List<Notification> found;
                do {
                    found = inbox.after(List.of(r), s.cursors.get(r), FETCH);
                    for (Notification n : found) {
                        if (!s.sink.send(n)) {
                            remove(s);
                            return;
                        }
                        s.cursors.put(r, n.id);
                    }
                } while (found.size() == FETCH);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Live stream %d could not catch up (%s); it will on the next wake-up", s.id, e.getMessage());
            s.recipients.forEach(dirty::add);
            scheduleDrain();
        }
    }

    private void heartbeat() {
        for (Stream s : open.values()) {
            if (s.sink.isClosed() || !s.sink.comment("heartbeat")) {
                remove(s);
                s.sink.abort();
            }
        }
    }

    private void expire() {
        Instant now = clock.instant();
        for (Stream s : open.values()) {
            if (s.sink.isClosed()) {
                remove(s);
            } else if (s.expiresAt != null && !now.isBefore(s.expiresAt)) {
                s.sink.close("token-expired", "{\"reason\":\"the token expired; reconnect with a new token and Last-Event-ID\"}");
                remove(s);
            }
        }
    }

    private synchronized void prune() {
        open.values().stream().filter(s -> s.sink.isClosed()).toList().forEach(this::remove);
    }

    private synchronized void remove(Stream s) {
        if (open.remove(s.id) == null) {
            return;
        }
        Set<Stream> mine = bySubject.get(s.subject);
        if (mine != null) {
            mine.remove(s);
            if (mine.isEmpty()) {
                bySubject.remove(s.subject);
            }
        }
        for (String r : s.recipients) {
            Set<Stream> of = byRecipient.get(r);
            if (of != null) {
                of.remove(s);
                if (of.isEmpty()) {
                    byRecipient.remove(r);
                }
            }
        }
    }
}
