package cn.hanzhong.rectification.platform.outbox;

import cn.hanzhong.rectification.platform.support.ThingResource;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Commit-to-broker latency of the outbox relay when idle: the time from a transaction's commit
 * returning to a consumer receiving its event. Events are spaced out so the relay is asleep on
 * LISTEN each time. Not part of the test suite; run it with
 * {@code mvn -pl platform/core -am verify -Dtest.excludedGroups= -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@Tag("benchmark")
class OutboxLatencyBenchmark {

    private static final int WARM_UP = 50;
    private static final int EVENTS = 500;
    private static final long GAP_MILLIS = 20;

    @InjectKafka
    LocalKafka kafka;

    @Inject
    ThingResource.ThingService things;

    @Test
    void commitToBrokerLatencyWhenIdle() throws Exception {
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        Map<Long, Long> receivedAt = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader = new Thread(() -> read(receivedAt, running), "latency-reader");
        reader.start();
        LockSupport.parkNanos(Duration.ofSeconds(3).toNanos()); // let the reader join its group first

        String prefix = "bench-" + UUID.randomUUID() + "-";
        for (int i = 0; i < WARM_UP + EVENTS; i++) {
            long id = things.create(prefix + i);
            committedAt.put(id, System.nanoTime());
            LockSupport.parkNanos(Duration.ofMillis(GAP_MILLIS).toNanos());
        }
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (receivedAt.keySet().containsAll(committedAt.keySet()) == false && System.nanoTime() < giveUp) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        running.set(false);
        reader.join();

        List<Long> ids = new ArrayList<>(committedAt.keySet());
        Collections.sort(ids);
        List<Double> micros = new ArrayList<>();
        for (Long id : ids.subList(WARM_UP, ids.size())) {
            micros.add((receivedAt.get(id) - committedAt.get(id)) / 1000.0);
        }
        assertEquals(EVENTS, micros.size());
        Collections.sort(micros);
        String report = String.format(
                "outbox commit-to-consumer latency, idle relay (LISTEN/NOTIFY), %d events %d ms apart:%n"
                        + "  p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms%n",
                EVENTS, GAP_MILLIS, pct(micros, 50) / 1000, pct(micros, 90) / 1000, pct(micros, 99) / 1000,
                micros.get(micros.size() - 1) / 1000);
        System.out.print(report);
        Path out = Path.of("target", "benchmarks", "outbox-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static double pct(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private void read(Map<Long, Long> receivedAt, AtomicBoolean running) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(ThingResource.TOPIC));
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    receivedAt.putIfAbsent(Long.parseLong(r.key()), System.nanoTime());
                }
            }
        }
    }
}
