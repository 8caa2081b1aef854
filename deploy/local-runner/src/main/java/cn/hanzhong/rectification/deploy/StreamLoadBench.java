package cn.hanzhong.rectification.deploy;

import cn.hanzhong.rectification.platform.testing.JwtKeys;
import cn.hanzhong.rectification.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many live streams on one instance: {@code --people} persons (spread over {@code --units} units)
 * open {@code --per-person} SSE streams each and keep them open for {@code --seconds} while 8 clients
 * read {@code GET /api/v1/notifications/unread-count} in a closed loop and an assignment is published
 * for each unit in turn. Reports the unread-count latency, how many streams received every notice of
 * their unit and how fast (notice row createdAt → line read), and the service's RSS before and with
 * the streams open. Loopback only; synthetic units and issues.
 */
public final class StreamLoadBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path data = null;
        String base = null;
        String kafka = null;
        long pid = -1;
        int people = 400;
        int perPerson = 5;
        int units = 100;
        int seconds = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--notifications" -> base = args[++i];
                case "--kafka" -> kafka = args[++i];
                case "--pid" -> pid = Long.parseLong(args[++i]);
                case "--people" -> people = Integer.parseInt(args[++i]);
                case "--per-person" -> perPerson = Integer.parseInt(args[++i]);
                case "--units" -> units = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        String service = base;
        JwtKeys keys = JwtKeys.loadOrCreate(data.resolve("keys"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        List<String> tokens = new ArrayList<>();
        List<String> unitOf = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            String unit = "BU" + (p % units);
            unitOf.add(unit);
            tokens.add(Tokens.signedWith(keys.privateKey()).roles("unit").unit(unit).subject("bench-person-" + p)
                    .lifetime(Duration.ofHours(2)).sign());
        }
        // Warm-up, so the baseline is a service that has served traffic (heap pages touched, code compiled).
        warmUp(client, service, tokens, Duration.ofSeconds(15));
        long rssBefore = rssKb(pid);

        // Open the streams; each counts what it receives, per item, with the receive time.
        Map<String, Map<String, Long>> receivedByStream = new ConcurrentHashMap<>();
        List<CompletableFuture<HttpResponse<Flow.Publisher<List<java.nio.ByteBuffer>>>>> opened = new ArrayList<>();
        List<Map<String, Long>> sinks = new ArrayList<>();
        List<Flow.Subscription> subscriptions = Collections.synchronizedList(new ArrayList<>());
        List<String> streamUnits = new ArrayList<>();
        long openStarted = System.nanoTime();
        for (int p = 0; p < people; p++) {
            for (int s = 0; s < perPerson; s++) {
                String streamId = p + "/" + s;
                streamUnits.add(unitOf.get(p));
                Map<String, Long> got = new ConcurrentHashMap<>();
                receivedByStream.put(streamId, got);
                sinks.add(got);
                // The response completes with the headers; the body is read as it comes, without a thread per stream.
                opened.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/notifications/stream"))
                                .header("Authorization", "Bearer " + tokens.get(p)).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofPublisher()));
            }
        }
        int ok = 0;
        int refused = 0;
        for (int i = 0; i < opened.size(); i++) {
            try {
                HttpResponse<Flow.Publisher<List<java.nio.ByteBuffer>>> r = opened.get(i).get(120, TimeUnit.SECONDS);
                if (r.statusCode() == 200) {
                    r.body().subscribe(new Lines(sinks.get(i), subscriptions));
                    ok++;
                } else {
                    refused++;
                }
            } catch (Exception e) {
                refused++;
            }
        }
        System.out.printf("%d streams open (%d refused) in %.1f s, %d people, %d units%n", ok, refused,
                (System.nanoTime() - openStarted) / 1e9, people, units);
        TimeUnit.SECONDS.sleep(5); // let every stream register before the first notice
        long rssOpen = rssKb(pid);

        // Notices during the run, one unit after another; and the unread-count load meanwhile.
        Map<String, String> itemUnit = new ConcurrentHashMap<>();
        Map<String, Long> itemCommitted = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            Thread thread = new Thread(() -> {
                int n = seed;
                while (System.nanoTime() < end) {
                    String token = tokens.get((n++ * 37) % tokens.size());
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/notifications/unread-count"))
                                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            latencies.add(System.nanoTime() - t0);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
            thread.start();
            readers.add(thread);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            long period = Duration.ofSeconds(Math.max(1, seconds - 10)).toNanos() / units;
            for (int u = 0; u < units; u++) {
                String unit = "BU" + u;
                UUID item = UUID.randomUUID();
                itemUnit.put(item.toString(), unit);
                producer.send(new ProducerRecord<>("rectification.issues", item.toString(), assigned(item, unit, u))).get();
                long next = System.nanoTime() + period;
                while (System.nanoTime() < next) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
            }
        }
        for (Thread t : readers) {
            t.join();
        }
        TimeUnit.SECONDS.sleep(2); // the last notices arrive
        long rssWith = rssKb(pid);

        // Each notice's commit time, from the inbox of one person of its unit.
        for (int p = 0; p < Math.min(people, units); p++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/notifications?kind=ASSIGNED&size=50"))
                    .header("Authorization", "Bearer " + tokens.get(p)).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode n : JSON.readTree(r.body()).get("items")) {
                itemCommitted.put(n.get("itemId").asText(),
                        OffsetDateTime.parse(n.get("createdAt").asText()).toInstant().toEpochMilli());
            }
        }
        List<Long> delivery = new ArrayList<>();
        int complete = 0;
        int withinSecond = 0;
        int streamIndex = 0;
        for (Map.Entry<String, Map<String, Long>> e : receivedByStream.entrySet()) {
            String unit = streamUnits.get(indexOf(e.getKey(), perPerson));
            Set<String> expected = itemUnit.entrySet().stream().filter(x -> x.getValue().equals(unit)).map(Map.Entry::getKey)
                    .collect(java.util.stream.Collectors.toSet());
            boolean all = !expected.isEmpty() && e.getValue().keySet().containsAll(expected);
            boolean fast = all;
            for (String item : expected) {
                Long got = e.getValue().get(item);
                Long committed = itemCommitted.get(item);
                if (got != null && committed != null) {
                    delivery.add(got - committed);
                    fast &= got - committed <= 1000;
                }
            }
            complete += all ? 1 : 0;
            withinSecond += fast ? 1 : 0;
            streamIndex++;
        }
        subscriptions.forEach(Flow.Subscription::cancel);
        Collections.sort(delivery);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("unread-count while open: %d requests, %d errors, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                sorted.size(), errors.get(), pct(sorted, 50) / 1e6, pct(sorted, 99) / 1e6,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        System.out.printf("notices: %d published; streams with every notice of their unit: %d of %d, within 1 s: %d; "
                        + "commit -> stream p50 %d ms, p99 %d ms, max %d ms%n", itemUnit.size(), complete, streamIndex,
                withinSecond, (long) pct(delivery, 50), (long) pct(delivery, 99), delivery.isEmpty() ? 0 : delivery.get(delivery.size() - 1));
        System.out.printf("service RSS: %d MB before, %d MB with %d streams open (+%d MB), %d MB after the %d s run with them"
                        + " (+%d MB)%n", rssBefore / 1024, rssOpen / 1024, ok, (rssOpen - rssBefore) / 1024, rssWith / 1024, seconds,
                (rssWith - rssBefore) / 1024);
        System.exit(0);
    }

    private static void warmUp(HttpClient client, String service, List<String> tokens, Duration d) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            Thread thread = new Thread(() -> {
                int n = seed;
                while (System.nanoTime() < end) {
                    try {
                        client.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/notifications/unread-count"))
                                .header("Authorization", "Bearer " + tokens.get((n++ * 31) % tokens.size())).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (Exception ignored) {
                        // warm-up only
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static int indexOf(String streamId, int perPerson) {
        String[] parts = streamId.split("/");
        return Integer.parseInt(parts[0]) * perPerson + Integer.parseInt(parts[1]);
    }

    private static String assigned(UUID item, String unit, int n) throws Exception {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", item.toString());
        d.put("code", "BENCH-" + n);
        d.put("title", "推送压测 " + n);
        d.put("leadUnit", unit);
        d.put("cooperatingUnits", List.of());
        d.put("deadline", LocalDate.now(DemoData.ZONE).plusDays(200).toString());
        d.put("status", "ASSIGNED");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", "/stream-bench");
        e.put("type", "issue.assigned");
        e.put("subject", item.toString());
        e.put("time", OffsetDateTime.now(DemoData.ZONE).toString());
        e.put("datacontenttype", "application/json");
        e.put("data", d);
        return JSON.writeValueAsString(e);
    }

    private static long rssKb(long pid) throws Exception {
        if (pid <= 0) {
            return 0;
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return 0;
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Reads one stream: each notice's itemId with the time its line arrived. */
    private static final class Lines implements Flow.Subscriber<List<java.nio.ByteBuffer>> {
        private final Map<String, Long> got;
        private final List<Flow.Subscription> all;
        private final StringBuilder pending = new StringBuilder();

        Lines(Map<String, Long> got, List<Flow.Subscription> all) {
            this.got = got;
            this.all = all;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            all.add(s);
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> buffers) {
            long now = System.currentTimeMillis();
            for (java.nio.ByteBuffer b : buffers) {
                pending.append(java.nio.charset.StandardCharsets.UTF_8.decode(b));
            }
            int nl;
            while ((nl = pending.indexOf("\n")) >= 0) {
                String line = pending.substring(0, nl);
                pending.delete(0, nl + 1);
                if (line.startsWith("data:") && line.contains("\"itemId\"")) {
                    int i = line.indexOf("\"itemId\":\"") + 10;
                    got.putIfAbsent(line.substring(i, i + 36), now);
                }
            }
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onComplete() {
        }
    }
}
