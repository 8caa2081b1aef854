package cn.hanzhong.rectification.platform.outbox;

import cn.hanzhong.rectification.platform.events.EventHeaders;
import cn.hanzhong.rectification.platform.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import cn.hanzhong.rectification.platform.kafka.KafkaClients;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends committed outbox rows to Kafka and marks them sent once the broker acknowledged them.
 *
 * <p>One background thread per instance waits on PostgreSQL {@code LISTEN outbox_event} (woken by
 * every commit that published) with a short poll as a safety net. Each batch is taken with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances share the work; an aggregate whose earlier
 * event is held by another instance is left for later, so one aggregate's events reach the broker in
 * order. A broker outage only delays: rows stay pending, the relay backs off and retries.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final Tracer tracer;
    private final Clock clock;
    private final OutboxConfig config;
    private final Properties producerSettings;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private volatile boolean running;
    /** Guards {@link #idle} and the shutdown's interrupt, so a batch in flight is never interrupted. */
    private final Object phase = new Object();
    private boolean idle;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private Connection listener;
    private Instant nextCleanup = Instant.EPOCH;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry, KafkaClients kafka,
                       Clock clock, Tracer tracer) {
        this.tracer = tracer;
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
        this.producerSettings = kafka.producer(config.source().replace("/", "") + "-outbox", config.sendTimeout());
        Gauge.builder("outbox.pending", pending, AtomicLong::get)
                .description("Outbox events committed but not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("outbox.sent", sent, AtomicLong::get)
                .description("Outbox events sent by this instance since start")
                .register(registry);
    }

    void start(@Observes @Priority(5000) StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Lets a batch in flight finish before the instance goes: interrupting it between the broker's
     * acknowledgement and the commit that marks its rows sent would leave them pending, and another
     * instance would publish them a second time. Only a relay that waits for work (or backs off) is
     * interrupted.
     */
    void stop(@Observes ShutdownEvent event) {
        synchronized (phase) {
            running = false;
            if (worker != null && idle) {
                worker.interrupt();
            }
        }
        if (worker != null) {
            try {
                worker.join(config.sendTimeout().plus(config.pollInterval()).plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (worker.isAlive()) {
                LOG.warn("Outbox relay still busy at shutdown; its unmarked rows stay pending for another instance");
            }
        }
        closeListener();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Events committed but not yet acknowledged by the broker, as last counted. */
    public long pendingCount() {
        return pending.get();
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    public String lastError() {
        return lastError;
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                countPending();
                int relayed;
                do {
                    relayed = relayBatch();
                } while (relayed > 0 && running);
                countPending();
                cleanUp();
                failures = 0;
                lastError = null;
                awaitWork();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                failures++;
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warnf("Outbox relay failed (attempt %d), retrying: %s", failures, lastError);
                closeListener();
                resetProducerAfter(e);
                try {
                    countPending();
                } catch (RuntimeException | SQLException ignored) {
                    // the database may be what failed; the count waits for the next round
                }
                if (!sleep(backoff(failures))) {
                    return;
                }
            }
        }
    }

    private Duration backoff(int failures) {
        long millis = config.backoff().toMillis() << Math.min(failures - 1, 16);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private boolean sleep(Duration d) {
        try {
            if (!enterIdle()) {
                return false;
            }
            try {
                Thread.sleep(d.toMillis());
            } finally {
                leaveIdle();
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Blocks until a commit notifies the channel or the poll interval passes. */
    private void awaitWork() throws SQLException, InterruptedException {
        if (listener == null || listener.isClosed()) {
            listener = dataSource.getConnection();
            listener.setAutoCommit(true);
            try (Statement s = listener.createStatement()) {
                s.execute("LISTEN " + Outbox.CHANNEL);
            }
        }
        PGConnection pg = listener.unwrap(PGConnection.class);
        if (!enterIdle()) {
            return;
        }
        try {
            pg.getNotifications((int) config.pollInterval().toMillis());
        } finally {
            leaveIdle();
        }
    }

    /** Marks the relay interruptible by the shutdown; false when the shutdown has already begun. */
    private boolean enterIdle() {
        synchronized (phase) {
            if (!running) {
                return false;
            }
            idle = true;
            return true;
        }
    }

    /** Ends the interruptible window; an interrupt the shutdown sent within it ends the loop. */
    private void leaveIdle() throws InterruptedException {
        synchronized (phase) {
            idle = false;
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException ignored) {
                // a broken connection is discarded either way
            }
            listener = null;
        }
    }

    record Row(long id, String topic, String key, String type, String eventId, String payload, String traceParent) {
    }

    /** Sends one batch in one transaction; returns how many rows were marked sent. */
    int relayBatch() throws SQLException, InterruptedException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Row> rows = lockBatch(c);
                if (rows.isEmpty()) {
                    c.commit();
                    return 0;
                }
                List<Row> sendable = withoutAggregatesHeldElsewhere(c, rows);
                List<Long> done = send(sendable);
                markSent(c, done);
                c.commit();
                sent.addAndGet(done.size());
                lastSuccess = clock.instant();
                if (done.size() < sendable.size()) {
                    throw new IllegalStateException((sendable.size() - done.size()) + " events were not acknowledged");
                }
                return done.size();
            } catch (SQLException | RuntimeException | InterruptedException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private List<Row> lockBatch(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, topic, aggregate_id, event_type, event_id, payload, trace_parent from outbox_event
                where sent_at is null order by id limit ? for update skip locked""")) {
            ps.setInt(1, config.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    /**
     * Drops the rows of any aggregate that has an earlier pending row outside this batch: another
     * instance holds it, and sending ours first would reorder that aggregate's events.
     */
    List<Row> withoutAggregatesHeldElsewhere(Connection c, List<Row> rows) throws SQLException {
        Map<String, Long> firstIdPerAggregate = new HashMap<>();
        for (Row r : rows) {
            firstIdPerAggregate.merge(r.key(), r.id(), Math::min);
        }
        // One statement for the whole batch (it was one per aggregate: 200 round trips per batch of an import). The
        // LIMIT keeps it a lookup per aggregate in the pending index: as a join, the planner hashed the whole table
        // (17 ms a batch at 100 000 sent events, deploy/bench/petitions).
        List<String> aggregates = new ArrayList<>(firstIdPerAggregate.keySet());
        Long[] firstIds = aggregates.stream().map(firstIdPerAggregate::get).toArray(Long[]::new);
        Set<String> held = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select b.aggregate_id from unnest(?::varchar[], ?::bigint[]) as b(aggregate_id, first_id)
                cross join lateral (select 1 from outbox_event o where o.aggregate_id = b.aggregate_id
                                    and o.id < b.first_id and o.sent_at is null limit 1) earlier""")) {
            ps.setArray(1, c.createArrayOf("varchar", aggregates.toArray()));
            ps.setArray(2, c.createArrayOf("bigint", firstIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString(1));
                }
            }
        }
        return held.isEmpty() ? rows : rows.stream().filter(r -> !held.contains(r.key())).toList();
    }

    /**
     * Sends rows in order and waits for the acknowledgements. A row counts as sent only if it and
     * every earlier row of its aggregate were acknowledged, so a retry never overtakes.
     */
    private List<Long> send(List<Row> rows) throws InterruptedException {
        KafkaProducer<String, String> p = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        RuntimeException sendFailure = null;
        for (Row r : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(r.topic(), r.key(), r.payload());
            record.headers()
                    .add(EventHeaders.TYPE, r.type().getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.ID, r.eventId().getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.CONTENT_TYPE, EventHeaders.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
            // The publication is a span of the change's trace; the record carries it on to the consumers.
            Span span = tracer.spanBuilder(r.topic() + " publish").setSpanKind(SpanKind.PRODUCER)
                    .setParent(Tracing.parent(r.traceParent()))
                    .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", r.topic())
                    .setAttribute("cloudevents.event_id", r.eventId()).setAttribute("cloudevents.event_type", r.type())
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                String traceparent = Tracing.currentTraceparent();
                if (traceparent != null) {
                    record.headers().add(Tracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
                }
            } finally {
                span.end();
            }
            try {
                acks.add(p.send(record));
            } catch (RuntimeException e) {
                sendFailure = e;
                break;
            }
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<Long> done = new ArrayList<>();
        Set<String> failedAggregates = new HashSet<>();
        for (int i = 0; i < acks.size(); i++) {
            Row r = rows.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!failedAggregates.contains(r.key())) {
                    done.add(r.id());
                }
            } catch (ExecutionException | TimeoutException e) {
                failedAggregates.add(r.key());
                if (sendFailure == null) {
                    sendFailure = new IllegalStateException("Kafka did not acknowledge event " + r.eventId(),
                            e.getCause() != null ? e.getCause() : e);
                }
            }
        }
        if (done.isEmpty() && sendFailure != null) {
            throw sendFailure;
        }
        return done;
    }

    private void markSent(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update outbox_event set sent_at = now() where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    private void countPending() throws SQLException {
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from outbox_event where sent_at is null")) {
            rs.next();
            pending.set(rs.getLong(1));
        }
    }

    private void cleanUp() throws SQLException {
        if (clock.instant().isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = clock.instant().plus(Duration.ofHours(1));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "delete from outbox_event where sent_at < now() - make_interval(secs => ?)")) {
            ps.setLong(1, config.retention().toSeconds());
            ps.executeUpdate();
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerSettings);
        }
        return producer;
    }

    /** A producer that failed is replaced, so a fatal producer state never wedges the relay. */
    private void resetProducerAfter(Exception e) {
        if (producer != null && !(e instanceof SQLException)) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }
}
