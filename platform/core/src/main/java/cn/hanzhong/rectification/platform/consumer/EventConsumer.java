package cn.hanzhong.rectification.platform.consumer;

import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import cn.hanzhong.rectification.platform.events.MalformedEventException;
import cn.hanzhong.rectification.platform.inbox.Inbox;
import cn.hanzhong.rectification.platform.kafka.KafkaClients;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes the topics of this service's {@link EventHandler}s in batches, one transaction per batch.
 *
 * <ul>
 *   <li>Each event is applied once per consumer group: the inbox ({@code processed_event}) commits with
 *       the batch's effects, so a redelivery or a replay of the whole topic adds nothing.</li>
 *   <li>An event type the handler does not know is skipped without a side effect and counted.</li>
 *   <li>A record that can never be applied (not an envelope, a contract violation) goes to
 *       {@code <topic>.dlq} with its reason and this consumer's group; the rest of its batch is applied.</li>
 *   <li>A transient failure (database away, lock timeout, broker away) dead-letters nothing: the
 *       consumer rewinds, waits with backoff, reports not ready, and tries the same records again;
 *       nothing is committed past them. A failure that looks permanent while the database cannot be
 *       reached is treated as transient too.</li>
 *   <li>Offsets are committed after the transaction, so a crash in between only redelivers.</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    /** One consumed record and the topic whose handler applies it (for a re-driven dead letter, the original topic). */
    public record Delivery(ConsumerRecord<String, String> record, String topic, int redrives) {
    }

    /** What a batch came to. */
    public record Outcome(int applied, int duplicates, int ignored, int deadLettered) {
        Outcome plus(Outcome o) {
            return new Outcome(applied + o.applied, duplicates + o.duplicates, ignored + o.ignored, deadLettered + o.deadLettered);
        }
    }

    /** The batch must be tried again later; nothing of it may be committed. */
    public static final class TransientFailure extends Exception {
        TransientFailure(Throwable cause) {
            super(Failures.describe(cause), cause);
        }
    }

    private final Map<String, EventHandler> handlers = new LinkedHashMap<>();
    private final CloudEventCodec codec;
    private final Clock clock;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final AgroalDataSource dataSource;
    private final KafkaClients kafka;
    private final ConsumerConfig config;
    private final MeterRegistry registry;
    private final String group;
    private final Counter applied;
    private final Counter retries;
    private final io.micrometer.core.instrument.Timer batchTimer;
    private static final long SLOW_BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private final AtomicLong appliedCount = new AtomicLong();
    private volatile boolean running;
    private volatile Instant waitingSince;
    private volatile String lastError;
    private volatile int failures;
    private volatile Instant lastBatch;
    private Thread worker;
    private volatile KafkaConsumer<String, String> consumer;

    private final Tracer tracer;

    public EventConsumer(Instance<EventHandler> found, CloudEventCodec codec, Inbox inbox, DeadLetters deadLetters,
                         AgroalDataSource dataSource, KafkaClients kafka, ConsumerConfig config, MeterRegistry registry,
                         @ConfigProperty(name = "quarkus.application.name") String application, Clock clock, Tracer tracer) {
        this.tracer = tracer;
        for (EventHandler h : found) {
            if (handlers.put(h.topic(), h) != null) {
                throw new IllegalStateException("Two event handlers for topic " + h.topic());
            }
        }
        this.codec = codec;
        this.clock = clock;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.config = config;
        this.registry = registry;
        this.group = config.group().orElse(application);
        this.applied = Counter.builder("consumer.events.applied").tag("consumer", group)
                .description("Events applied (first deliveries)").register(registry);
        this.batchTimer = io.micrometer.core.instrument.Timer.builder("consumer.batch").tag("consumer", group)
                .description("Time to apply and commit one batch").publishPercentiles(0.5, 0.99).register(registry);
        this.retries = Counter.builder("consumer.retries").tag("consumer", group)
                .description("Batches retried after a transient failure").register(registry);
    }

    /** The consumer group (and inbox name) of this service. */
    public String group() {
        return group;
    }

    public boolean consumes() {
        return !handlers.isEmpty();
    }

    public List<String> topics() {
        return List.copyOf(handlers.keySet());
    }

    /** Since when the consumer waits for a transient failure to pass, empty when it is not waiting. */
    public Optional<Instant> waitingSince() {
        return Optional.ofNullable(waitingSince);
    }

    public String lastError() {
        return lastError;
    }

    public int consecutiveFailures() {
        return failures;
    }

    public Instant lastBatch() {
        return lastBatch;
    }

    public long appliedCount() {
        return appliedCount.get();
    }

    void start(@Observes @Priority(5100) StartupEvent event) {
        if (handlers.isEmpty() || !config.enabled()) {
            return;
        }
        deadLetters.prepare();
        running = true;
        worker = new Thread(this::loop, "event-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        KafkaConsumer<String, String> c = new KafkaConsumer<>(kafka.consumer(group, group + "-consumer", config.maxBatch()));
        consumer = c;
        try (c) {
            consumer.subscribe(topics());
            while (running) {
                ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(500));
                if (polled.isEmpty()) {
                    continue;
                }
                List<Delivery> batch = new ArrayList<>(polled.count());
                polled.forEach(r -> batch.add(new Delivery(r, r.topic(), 0)));
                try {
                    long started = System.nanoTime();
                    process(batch);
                    commit(batch);
                    long took = System.nanoTime() - started;
                    batchTimer.record(took, TimeUnit.NANOSECONDS);
                    if (took > SLOW_BATCH_NANOS) {
                        LOG.infof("Slow event batch: %d records applied in %d ms", batch.size(), took / 1_000_000);
                    }
                    recovered();
                } catch (TransientFailure f) {
                    failed(f);
                    rewind(batch.stream().map(Delivery::record).toList());
                    waitPaused(backoff());
                }
            }
        } catch (WakeupException e) {
            try {
                c.commitSync(Duration.ofSeconds(5));
            } catch (RuntimeException ignored) {
                // redelivered after the restart; the inbox skips what was applied
            }
        } catch (RuntimeException e) {
            LOG.error("The event consumer stopped", e);
            lastError = Failures.describe(e);
            waitingSince = clock.instant();
        }
    }

    /**
     * Applies a batch: one transaction for all records; if it fails for a reason that is not transient,
     * each record on its own, so only the record that cannot be applied goes to the dead-letter topic.
     */
    public Outcome process(List<Delivery> batch) throws TransientFailure {
        List<Decoded> decoded = new ArrayList<>(batch.size());
        List<DeadLetters.Letter> letters = new ArrayList<>();
        for (Delivery d : batch) {
            try {
                decoded.add(new Decoded(d, codec.decode(d.record().value())));
            } catch (MalformedEventException e) {
                letters.add(letter(d, e));
            }
        }
        Outcome outcome;
        try {
            outcome = applyInOneTransaction(decoded);
        } catch (RuntimeException e) {
            if (transientOrDatabaseAway(e)) {
                throw new TransientFailure(e);
            }
            outcome = new Outcome(0, 0, 0, 0);
            for (Decoded d : decoded) {
                try {
                    outcome = outcome.plus(applyInOneTransaction(List.of(d)));
                } catch (RuntimeException one) {
                    if (transientOrDatabaseAway(one)) {
                        throw new TransientFailure(one);
                    }
                    LOG.warnf("Event %s (%s) from %s@%d cannot be applied, dead-lettered: %s", d.event().id(), d.event().type(),
                            d.delivery().record().topic(), d.delivery().record().offset(), Failures.describe(one));
                    letters.add(letter(d.delivery(), one));
                }
            }
        }
        try {
            deadLetters.send(group, letters);
        } catch (RuntimeException e) {
            throw new TransientFailure(e);
        }
        for (DeadLetters.Letter l : letters) {
            Counter.builder("consumer.events.dead_lettered").tag("consumer", group).tag("topic", l.topic())
                    .description("Records sent to the dead-letter topic").register(registry).increment();
        }
        lastBatch = clock.instant();
        return new Outcome(outcome.applied(), outcome.duplicates(), outcome.ignored(), letters.size());
    }

    private record Decoded(Delivery delivery, CloudEvent event) {
    }

    private Outcome applyInOneTransaction(List<Decoded> decoded) {
        if (decoded.isEmpty()) {
            return new Outcome(0, 0, 0, 0);
        }
        Map<String, Integer> ignored = new HashMap<>();
        int[] counts = new int[2];
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> applyAll(decoded, ignored, counts));
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
        ignored.forEach((type, n) -> Counter.builder("consumer.events.ignored").tag("consumer", group).tag("type", type)
                .description("Events of a type this consumer does not know, skipped without effect")
                .register(registry).increment(n));
        applied.increment(counts[0]);
        appliedCount.addAndGet(counts[0]);
        return new Outcome(counts[0], counts[1], ignored.values().stream().mapToInt(Integer::intValue).sum(), 0);
    }

    private void applyAll(List<Decoded> decoded, Map<String, Integer> ignored, int[] counts) {
        ignored.clear();
        counts[0] = 0;
        counts[1] = 0;
        List<Decoded> known = new ArrayList<>(decoded.size());
        for (Decoded d : decoded) {
            EventHandler handler = handlers.get(d.delivery().topic());
            if (handler == null || !handler.types().contains(d.event().type())) {
                ignored.merge(d.event().type(), 1, Integer::sum);
            } else {
                known.add(d);
            }
        }
        // One statement records the whole batch in the inbox; only first deliveries are applied, once.
        Set<UUID> first = new HashSet<>(inbox.firstDeliveries(known.stream().map(Decoded::event).toList(), group));
        Map<String, List<CloudEvent>> toApply = new LinkedHashMap<>();
        List<Decoded> ordered = new ArrayList<>();
        for (Decoded d : known) {
            if (first.remove(d.event().id())) {
                toApply.computeIfAbsent(d.delivery().topic(), t -> new ArrayList<>()).add(d.event());
                ordered.add(d);
            } else {
                counts[1]++;
            }
        }
        toApply.forEach((topic, events) -> handlers.get(topic).prepare(events));
        for (Decoded d : ordered) {
            // The consumer's work continues the trace of the change that published the event.
            Span span = tracer.spanBuilder(d.delivery().topic() + " process").setSpanKind(SpanKind.CONSUMER)
                    .setParent(Tracing.parent(header(d.delivery().record(), Tracing.TRACEPARENT)))
                    .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", d.delivery().topic())
                    .setAttribute("messaging.consumer.group.name", group)
                    .setAttribute("cloudevents.event_id", d.event().id().toString()).setAttribute("cloudevents.event_type", d.event().type())
                    .startSpan();
            try (Scope scope = span.makeCurrent()) {
                handlers.get(d.delivery().topic()).apply(d.event());
            } catch (RuntimeException e) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR);
                throw e;
            } finally {
                span.end();
            }
            counts[0]++;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        org.apache.kafka.common.header.Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private DeadLetters.Letter letter(Delivery d, Throwable why) {
        return new DeadLetters.Letter(d.record(), d.topic(), Failures.describe(why), d.redrives());
    }

    private boolean transientOrDatabaseAway(Throwable e) {
        return Failures.isTransient(e) || !databaseReachable();
    }

    private boolean databaseReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Commits the batch's offsets without waiting: the effects are already committed with the inbox,
     * so a lost or late offset commit only redelivers what the inbox skips. The last ones are
     * committed synchronously when the consumer stops.
     */
    private void commit(List<Delivery> batch) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (Delivery d : batch) {
            next.merge(new TopicPartition(d.record().topic(), d.record().partition()),
                    new OffsetAndMetadata(d.record().offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        consumer.commitAsync(next, (offsets, failure) -> {
            if (failure != null) {
                LOG.debugf("Offsets not committed (%s); the records will be skipped as duplicates if redelivered",
                        failure.getMessage());
            }
        });
    }

    /** Moves each partition of {@code records} back to its first record, so the same records come again. */
    private void rewind(List<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        first.forEach((tp, offset) -> {
            if (consumer.assignment().contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
    }

    /** Waits while staying in the group: paused partitions deliver nothing; a record that still comes is rewound. */
    private void waitPaused(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        while (running) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                break;
            }
            consumer.pause(consumer.assignment());
            ConsumerRecords<String, String> unexpected = consumer.poll(Duration.ofNanos(left));
            if (!unexpected.isEmpty()) {
                List<ConsumerRecord<String, String>> back = new ArrayList<>();
                unexpected.forEach(back::add);
                rewind(back);
            }
        }
        consumer.resume(consumer.paused());
    }

    private Duration backoff() {
        long millis = config.backoff().toMillis() << Math.min(Math.max(failures - 1, 0), 16);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private void failed(TransientFailure f) {
        failures++;
        retries.increment();
        lastError = f.getMessage();
        if (waitingSince == null) {
            waitingSince = clock.instant();
        }
        LOG.warnf("Event batch not applied (attempt %d), will retry: %s", failures, lastError);
    }

    private void recovered() {
        if (waitingSince != null) {
            LOG.infof("Event consumer recovered after %d failed attempts", failures);
        }
        waitingSince = null;
        failures = 0;
    }
}
