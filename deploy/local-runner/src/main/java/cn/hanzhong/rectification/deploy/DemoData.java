package cn.hanzhong.rectification.deploy;

import cn.hanzhong.rectification.platform.testing.JwtKeys;
import cn.hanzhong.rectification.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

/**
 * Loads the demo ledger of the local run (the plan's twelve measures, section 四) through the
 * public API, as the office and the lead units would enter them. Idempotent: items are registered
 * by externalId, and only a newly registered item is walked to its demo status.
 *
 * <p>{@code --data DIR --issues URL --file deploy/demo/issues.json}
 */
public final class DemoData {

    /** The programme's zone, as the services use it (the runner does not load the platform). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String issuesUrl;
    private final JwtKeys keys;
    private final String officeToken;

    private DemoData(String issuesUrl, JwtKeys keys) {
        this.issuesUrl = issuesUrl;
        this.keys = keys;
        this.officeToken = Tokens.signedWith(keys.privateKey()).roles("office").subject("demo-office")
                .name("市整改办（演示）").sign();
    }

    public static void main(String[] args) throws Exception {
        Path data = null;
        String issues = "http://localhost:8081";
        Path file = Path.of("deploy/demo/issues.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--issues" -> issues = args[++i];
                case "--file" -> file = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data DIR is required");
        }
        DemoData demo = new DemoData(issues, JwtKeys.loadOrCreate(data.resolve("keys")));
        int created = 0;
        for (JsonNode item : JSON.readTree(Files.readString(file, StandardCharsets.UTF_8))) {
            if (demo.load((ObjectNode) item.deepCopy())) {
                created++;
            }
        }
        System.out.println("demo data: " + created + " issues registered"
                + (created == 0 ? " (already there)" : ""));
    }

    private boolean load(ObjectNode item) throws IOException, InterruptedException {
        JsonNode demo = item.remove("demo");
        JsonNode registered = call(officeToken, "POST", "/api/v1/issues", item, 201, 200);
        if (!registered.path("created").asBoolean()) {
            return false; // 200: the externalId was known, the item is already there
        }
        String path = "/api/v1/issues/" + registered.get("id").asText();
        String target = demo.path("status").asText("REGISTERED");
        if (target.equals("REGISTERED")) {
            return true;
        }
        LocalDate today = LocalDate.now(ZONE);
        String lead = item.get("leadUnit").asText();
        String unitToken = Tokens.signedWith(keys.privateKey()).roles("unit").unit(lead).name(lead + " 联络员").sign();
        call(officeToken, "POST", path + "/transitions", Map.of("action", "ASSIGN", "leadUnit", lead,
                "cooperatingUnits", item.path("cooperatingUnits"),
                "deadline", today.plusDays(demo.path("deadlineDays").asInt(90)).toString()), 200);
        if (target.equals("ASSIGNED")) {
            return true;
        }
        call(unitToken, "POST", path + "/transitions", Map.of("action", "START"), 200);
        int percent = demo.path("percent").asInt(0);
        if (percent > 0) {
            call(unitToken, "POST", path + "/progress-reports", Map.of("period", YearMonth.from(today).toString(),
                    "percent", Math.min(percent, 95), "narrative", "按月调度：" + item.get("measures").get(0).asText() + "已推进",
                    "completedMeasures", new String[] {item.get("measures").get(0).asText()}), 201);
        }
        if (target.equals("IN_PROGRESS")) {
            return true;
        }
        call(unitToken, "POST", path + "/transitions", Map.of("action", "REQUEST_ACCEPTANCE",
                "evidence", "整改佐证材料（演示）", "selfAssessment", "已按方案完成整改"), 200);
        if (target.equals("ACCEPTANCE_REQUESTED")) {
            return true;
        }
        if (target.equals("PUBLIC_NOTICE")) {
            // Verified on site: on public notice (销号公示) for five working days, open to objections.
            call(officeToken, "POST", path + "/transitions", Map.of("action", "VERIFY",
                    "opinion", "经现场核查，整改到位，拟予销号（演示）", "checkedBy", "市整改办核查组"), 200);
            return true;
        }
        // A signed-off demo item skips the notice window, as the office may for an item not for publication.
        call(officeToken, "POST", path + "/transitions", Map.of("action", "ACCEPT",
                "opinion", "经现场核查，整改到位，同意销号（演示）", "reason", "演示数据：不予公示，直接销号"), 200);
        return true;
    }

    private JsonNode call(String token, String method, String path, Object body, int... expected)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuesUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                ObjectNode answer = response.body().isEmpty() ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(response.body());
                return answer.put("created", response.statusCode() == 201);
            }
        }
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
}
