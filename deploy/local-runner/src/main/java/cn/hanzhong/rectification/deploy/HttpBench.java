package cn.hanzhong.rectification.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop HTTP load generator: {@code --concurrency} clients each send GET requests one
 * after another for {@code --seconds}, then it prints p50/p99/max latency and requests per second.
 * URLs come from {@code --url} or, one per line, from {@code --urls FILE} (taken round-robin).
 * Only loopback targets are accepted.
 */
public final class HttpBench {

    public static void main(String[] args) throws Exception {
        List<String> urls = new ArrayList<>();
        String token = null;
        String label = "GET";
        int concurrency = 8;
        int seconds = 20;
        int warmup = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> urls.add(args[++i]);
                case "--urls" -> urls.addAll(Files.readAllLines(Path.of(args[++i])).stream().filter(s -> !s.isBlank()).toList());
                case "--token" -> token = args[++i];
                case "--label" -> label = args[++i];
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        for (String u : urls) {
            String host = URI.create(u).getHost();
            if (!host.equals("localhost") && !host.startsWith("127.")) {
                throw new IllegalArgumentException("Only loopback targets: " + u);
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        run(client, urls, token, concurrency, warmup, null);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        AtomicLong errors = run(client, urls, token, concurrency, seconds, latencies);
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%-28s requests %7d  errors %d  %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n",
                label, sorted.size(), errors.get(), sorted.size() / elapsed,
                pct(sorted, 50) / 1e6, pct(sorted, 99) / 1e6, sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    private static AtomicLong run(HttpClient client, List<String> urls, String token, int concurrency, int seconds,
                                  List<Long> latencies) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String url = urls.get((int) (next.getAndIncrement() % urls.size()));
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
                    if (token != null) {
                        b.header("Authorization", "Bearer " + token);
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - t0;
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (latencies != null) {
                            latencies.add(took);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return errors;
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
