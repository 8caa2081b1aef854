package cn.hanzhong.rectification.deploy;

import cn.hanzhong.rectification.platform.testing.JwtKeys;
import cn.hanzhong.rectification.platform.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Import benchmark of petitions-service: posts one batch of 317 cases (the inspection's count) and
 * times it, then imports {@code --count} cases in batches of {@code --batch-size} (numbered from {@code --first-batch},
 * 100), {@code --clients} (1) batches in flight at once, and reports rows/s, then times a
 * new batch of 317 on the warmed service.
 * Synthetic data only; loopback only.
 */
public final class PetitionImportBench {

    private static final String[] DISTRICTS = {"HTQ", "NZQ", "CGX", "YX", "XXX", "MX", "NQX", "LYX", "ZBX", "LBX", "FPX"};
    private static final String[] NAMES = {"汉台区", "南郑区", "城固县", "洋县", "西乡县", "勉县", "宁强县", "略阳县", "镇巴县", "留坝县", "佛坪县"};
    private static final String[] PROBLEMS = {"餐饮店油烟扰民", "建筑工地扬尘污染", "养殖场粪污直排", "砂石厂非法采砂",
            "企业夜间偷排废水", "工厂噪声扰民", "加油站油气泄漏", "垃圾随意堆放焚烧", "尾矿库渗漏", "医疗废物随意堆放"};
    private static final String[] TYPES = {"COOKING_FUMES", "DUST", "WATER", "ECOLOGY", "WATER", "NOISE", "AIR",
            "SOLID_WASTE", "SOIL", "SOLID_WASTE"};

    public static void main(String[] args) throws Exception {
        Path data = null;
        String url = "http://127.0.0.1:18082";
        int count = 100_000;
        int batchSize = 1000;
        int firstBatch = 100;
        int clients = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--url" -> url = args[++i];
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--batch-size" -> batchSize = Integer.parseInt(args[++i]);
                case "--first-batch" -> firstBatch = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        String token = Tokens.signedWith(JwtKeys.loadOrCreate(data.resolve("keys")).privateKey()).roles("province").sign();
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(7);

        long t0 = System.nanoTime();
        post(http, json, url, token, 1, cases(1, 0, 317, random));
        System.out.printf("batch of 317 cases (fresh):  %8.1f ms%n", (System.nanoTime() - t0) / 1e6);
        t0 = System.nanoTime();
        post(http, json, url, token, 1, cases(1, 0, 317, new Random(7)));
        System.out.printf("same batch replayed:         %8.1f ms%n", (System.nanoTime() - t0) / 1e6);

        int batches = (count + batchSize - 1) / batchSize;
        // The batches' bodies are made first, so the clients time only the service.
        List<List<Map<String, Object>>> bodies = new ArrayList<>(batches);
        for (int b = 0, done = 0; b < batches; b++) {
            int n = Math.min(batchSize, count - done);
            bodies.add(cases(firstBatch + b, done, n, random));
            done += n;
        }
        AtomicInteger next = new AtomicInteger();
        int first = firstBatch;
        String target = url;
        t0 = System.nanoTime();
        // --clients batches in flight at once (1: one after the other), each client taking the next batch.
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    post(http, json, target, token, first + b, bodies.get(b));
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("imported %d cases in %d batches (%d at a time): %.1f s, %.0f rows/s%n", count, batches, clients,
                seconds, count / seconds);

        // The inspection's 317 cases again as a new batch, now that the service has run (the figure an office sees).
        t0 = System.nanoTime();
        post(http, json, url, token, 2, cases(2, 0, 317, new Random(11)));
        System.out.printf("batch of 317 cases (warm):   %8.1f ms%n", (System.nanoTime() - t0) / 1e6);
    }

    private static List<Map<String, Object>> cases(int batch, int offset, int n, Random random) {
        List<Map<String, Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = offset + i;
            int d = k % DISTRICTS.length;
            int p = (k / 7) % PROBLEMS.length;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("caseNumber", "B" + batch + "-" + (k + 1));
            // The day drawn apart from the problem (k % 30 with (k / 7) % 10 never put 油烟 on the last three days).
            c.put("receivedAt", LocalDate.of(2021, 6, 1).plusDays(random.nextInt(30)).toString());
            c.put("channel", "PHONE");
            c.put("reporter", Map.of("name", "测试" + (char) ('甲' + k % 10), "phone",
                    "139" + String.format("%08d", random.nextInt(100_000_000))));
            c.put("content", NAMES[d] + "某地" + PROBLEMS[p] + "，群众反映强烈（第" + k + "件）");
            c.put("location", NAMES[d]);
            c.put("district", DISTRICTS[d]);
            c.put("pollutionTypes", List.of(TYPES[p]));
            out.add(c);
        }
        return out;
    }

    private static void post(HttpClient http, ObjectMapper json, String url, String token, int number,
                             List<Map<String, Object>> cases) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/petition-batches"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("number", number,
                        "receivedOn", "2021-06-01", "cases", cases)))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || json.readTree(r.body()).get("rejected").asInt() > 0) {
            throw new IllegalStateException("batch " + number + ": " + r.statusCode() + " " + r.body().substring(0, Math.min(500, r.body().length())));
        }
    }
}
