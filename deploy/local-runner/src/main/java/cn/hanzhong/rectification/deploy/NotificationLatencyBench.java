package cn.hanzhong.rectification.deploy;

import cn.hanzhong.rectification.platform.testing.JwtKeys;
import cn.hanzhong.rectification.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * End-to-end notification latency: issues are assigned at a fixed rate (default 50/s); for each, the
 * time from the transition's commit (its HTTP response) to (a) the event on the broker, (b) the
 * notice on the lead unit's SSE stream and (c) the notice row in the inbox (its createdAt).
 * Loopback only; synthetic data.
 */
public final class NotificationLatencyBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LEAD = "SSTHJJ";

    public static void main(String[] args) throws Exception {
        Path data = null;
        String issues = null;
        String notifications = null;
        String kafka = null;
        int count = 1000;
        int warmup = 200;
        int rate = 50;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--issues" -> issues = args[++i];
                case "--notifications" -> notifications = args[++i];
                case "--kafka" -> kafka = args[++i];
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        JwtKeys keys = JwtKeys.loadOrCreate(data.resolve("keys"));
        String office = Tokens.signedWith(keys.privateKey()).roles("office").sign();
        String lead = Tokens.signedWith(keys.privateKey()).roles("unit").unit(LEAD).sign();

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count + warmup; i++) {
            ids.add(call(office, "POST", issues + "/api/v1/issues",
                    Map.of("source", "REPORT", "title", "时延测试 " + i, "category", "AIR")).get("id").asText());
        }
        awaitConsumerCaughtUp(kafka, "notification-service");
        // Warm-up: the first assignments at the same rate run the notice paths through the JIT; not measured.
        List<String> warm = new ArrayList<>(ids.subList(0, warmup));
        ids = new ArrayList<>(ids.subList(warmup, ids.size()));
        long warmPeriod = 1_000_000L / rate;
        for (String id : warm) {
            long next = System.nanoTime() + warmPeriod * 1000;
            call(office, "POST", issues + "/api/v1/issues/" + id + "/transitions",
                    Map.of("action", "ASSIGN", "leadUnit", LEAD, "deadline", LocalDate.now(DemoData.ZONE).plusDays(120).toString()));
            while (System.nanoTime() < next) {
                TimeUnit.MILLISECONDS.sleep(1);
            }
        }
        awaitConsumerCaughtUp(kafka, "notification-service");
        Map<String, Long> committedNanos = new ConcurrentHashMap<>();
        Map<String, Long> committedMillis = new ConcurrentHashMap<>();
        Map<String, Long> brokerNanos = new ConcurrentHashMap<>();
        Map<String, Long> sseNanos = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);

        String bootstrap = kafka;
        String issuesUrl = issues;
        Thread broker = new Thread(() -> readBroker(bootstrap, brokerNanos, running));
        broker.start();
        HttpResponse<InputStream> sse = HTTP.send(HttpRequest.newBuilder(URI.create(notifications + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + lead).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread stream = new Thread(() -> readStream(sse.body(), sseNanos));
        stream.setDaemon(true);
        stream.start();
        TimeUnit.SECONDS.sleep(3); // let the consumer join and the stream open

        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(8);
        long periodMicros = 1_000_000L / rate;
        String deadline = LocalDate.now(DemoData.ZONE).plusDays(120).toString();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            pacer.schedule(() -> {
                try {
                    call(office, "POST", issuesUrl + "/api/v1/issues/" + id + "/transitions",
                            Map.of("action", "ASSIGN", "leadUnit", LEAD, "deadline", deadline));
                    committedNanos.put(id, System.nanoTime());
                    committedMillis.put(id, System.currentTimeMillis());
                } catch (Exception e) {
                    System.err.println("assign failed: " + e.getMessage());
                }
            }, i * periodMicros, TimeUnit.MICROSECONDS);
        }
        pacer.shutdown();
        pacer.awaitTermination(10, TimeUnit.MINUTES);
        double drained = secondsUntilCaughtUp(kafka, "notification-service", Duration.ofSeconds(120));
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((!sseNanos.keySet().containsAll(ids) || !brokerNanos.keySet().containsAll(ids)) && System.nanoTime() < giveUp) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        running.set(false);
        broker.join();
        sse.body().close();

        List<Double> toBroker = new ArrayList<>();
        List<Double> toStream = new ArrayList<>();
        for (String id : ids) {
            Long c = committedNanos.get(id);
            if (c == null) {
                continue;
            }
            if (brokerNanos.containsKey(id)) {
                toBroker.add((brokerNanos.get(id) - c) / 1e6);
            }
            if (sseNanos.containsKey(id)) {
                toStream.add((sseNanos.get(id) - c) / 1e6);
            }
        }
        List<Double> toInbox = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode p = call(lead, "GET", notifications + "/api/v1/notifications?kind=ASSIGNED&size=200&page=" + page, null);
            for (JsonNode n : p.get("items")) {
                Long c = committedMillis.get(n.get("itemId").asText());
                if (c != null) {
                    toInbox.add((double) (OffsetDateTime.parse(n.get("createdAt").asText()).toInstant().toEpochMilli() - c));
                }
            }
            if (page + 1 >= p.get("totalPages").asInt()) {
                break;
            }
        }
        System.out.printf("%d issues assigned at %d/s (commit = the transition's HTTP response)%n", committedNanos.size(), rate);
        System.out.printf("consumer lag back to 0 %.1f s after the last commit%n", drained);
        report("commit -> broker (relay)", toBroker, ids.size());
        report("commit -> inbox row", toInbox, ids.size());
        report("commit -> SSE stream", toStream, ids.size());
        // Metrics are on the management port: the service's port + 1000 (deploy/bench/lib.sh).
        URI service = URI.create(notifications);
        URI management = URI.create(service.getScheme() + "://" + service.getHost() + ":" + (service.getPort() + 1000) + "/q/metrics");
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(management).build(),
                HttpResponse.BodyHandlers.ofString());
        metrics.body().lines().filter(l -> l.startsWith("consumer_batch_seconds") && !l.contains("_max"))
                .forEach(l -> System.out.println("  notification-service " + l));
    }

    /** Seconds until the consumer group has no lag on rectification.issues, polled every 100 ms. */
    private static double secondsUntilCaughtUp(String bootstrap, String group, Duration max) throws Exception {
        long started = System.nanoTime();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", bootstrap))) {
            while (System.nanoTime() - started < max.toNanos()) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                var latest = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                        tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
                long lag = committed.entrySet().stream().filter(e -> e.getKey().topic().equals("rectification.issues"))
                        .mapToLong(e -> latest.get(e.getKey()).offset() - e.getValue().offset()).sum();
                if (lag == 0) {
                    return (System.nanoTime() - started) / 1e9;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        return Double.NaN;
    }

    /** Waits until the consumer group has read everything on rectification.issues (the registrations). */
    private static void awaitConsumerCaughtUp(String bootstrap, String group) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", bootstrap))) {
            long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < giveUp) {
                TimeUnit.SECONDS.sleep(1);
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                var latest = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                        tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
                long lag = committed.entrySet().stream().filter(e -> e.getKey().topic().equals("rectification.issues"))
                        .mapToLong(e -> latest.get(e.getKey()).offset() - e.getValue().offset()).sum();
                if (!committed.isEmpty() && lag == 0) {
                    return;
                }
            }
            System.err.println("the notification service did not catch up with the registrations in time");
        }
    }

    private static void report(String label, List<Double> values, int expected) {
        Collections.sort(values);
        if (values.isEmpty()) {
            System.out.printf("%-26s none received%n", label);
            return;
        }
        System.out.printf("%-26s %5d of %d   p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms%n", label, values.size(), expected,
                pct(values, 50), pct(values, 99), values.get(values.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void readBroker(String bootstrap, Map<String, Long> seen, AtomicBoolean running) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of("rectification.issues"));
            while (running.get()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                    if (r.value().contains("\"type\":\"issue.assigned\"")) {
                        seen.putIfAbsent(r.key(), System.nanoTime());
                    }
                }
            }
        }
    }

    private static void readStream(InputStream body, Map<String, Long> seen) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("data:") && line.contains("\"kind\":\"ASSIGNED\"")) {
                    String itemId = JSON.readTree(line.substring(5)).get("itemId").asText();
                    seen.putIfAbsent(itemId, System.nanoTime());
                }
            }
        } catch (Exception ignored) {
            // closed at the end
        }
    }

    private static JsonNode call(String token, String method, String url, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        b = body == null ? b.GET() : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
