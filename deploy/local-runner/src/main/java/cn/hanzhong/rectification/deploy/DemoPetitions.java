package cn.hanzhong.rectification.deploy;

import cn.hanzhong.rectification.platform.testing.JwtKeys;
import cn.hanzhong.rectification.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.datafaker.Faker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The synthetic petitions of the local run: 317 cases in four batches across the 11 counties and
 * districts and the pollution types, walked through every status. Synthetic people only (datafaker,
 * fixed seed, so a rerun produces the same cases and changes nothing).
 *
 * <p>{@code --data DIR --petitions URL}
 */
public final class DemoPetitions {

    static final int TOTAL = 317;
    private static final String[][] DISTRICTS = {{"HTQ", "汉台区"}, {"NZQ", "南郑区"}, {"CGX", "城固县"}, {"YX", "洋县"},
            {"XXX", "西乡县"}, {"MX", "勉县"}, {"NQX", "宁强县"}, {"LYX", "略阳县"}, {"ZBX", "镇巴县"}, {"LBX", "留坝县"},
            {"FPX", "佛坪县"}};
    private static final String[][] PROBLEMS = {
            {"某餐饮店油烟直排，影响周边居民生活", "COOKING_FUMES"},
            {"某建筑工地扬尘污染严重，未落实围挡洒水", "DUST,AIR"},
            {"某养殖场粪污直排河道，气味难闻", "WATER,LIVESTOCK_PLACEHOLDER"},
            {"某砂石厂非法采砂，破坏河道生态", "ECOLOGY"},
            {"某企业夜间偷排废水，河水发黑", "WATER"},
            {"某工厂噪声扰民，夜间持续生产", "NOISE"},
            {"某加油站油气回收装置未正常运行", "AIR"},
            {"某村垃圾随意堆放焚烧", "SOLID_WASTE,AIR"},
            {"某尾矿库渗漏，周边土壤受污染", "SOIL,WATER"},
            {"某医院医疗废物随意堆放", "SOLID_WASTE"}};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path data = null;
        String url = "http://localhost:8082";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--petitions" -> url = args[++i];
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        JwtKeys keys = JwtKeys.loadOrCreate(data.resolve("keys"));
        String province = Tokens.signedWith(keys.privateKey()).roles("province").subject("demo-province").sign();
        String office = Tokens.signedWith(keys.privateKey()).roles("office").subject("demo-office").name("市整改办（演示）").sign();
        Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, new Random(20210729));
        Random random = new Random(317);
        LocalDate start = LocalDate.of(2021, 5, 10);
        int created = 0;
        int index = 0;
        for (int batch = 1; batch <= 4; batch++) {
            int size = batch < 4 ? 80 : TOTAL - 240;
            List<Map<String, Object>> cases = new ArrayList<>();
            for (int i = 0; i < size; i++, index++) {
                String[] district = DISTRICTS[index % DISTRICTS.length];
                String[] problem = PROBLEMS[(index / DISTRICTS.length + index) % PROBLEMS.length];
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("caseNumber", String.format("HZ2021-%d-%03d", batch, i + 1));
                c.put("receivedAt", start.plusDays(batch * 7L + i % 5).toString());
                c.put("channel", List.of("PHONE", "LETTER", "ONLINE", "VISIT", "WECHAT").get(random.nextInt(5)));
                c.put("priority", index % 9 == 0);
                String name = faker.name().fullName().replace(" ", "");
                String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
                boolean anonymous = index % 6 == 0;
                c.put("reporter", anonymous ? Map.of("anonymous", true)
                        : Map.of("name", name, "phone", phone, "address", district[1] + faker.address().streetName()));
                c.put("content", (anonymous ? "群众" : "举报人" + name) + "反映：" + district[1] + problem[0]
                        + (anonymous ? "。" : "，联系电话" + phone + "。"));
                c.put("location", district[1] + faker.address().streetName());
                c.put("district", district[0]);
                c.put("pollutionTypes", List.of(problem[1].replace("LIVESTOCK_PLACEHOLDER", "OTHER").split(",")));
                c.put("leadUnit", district[0]);
                cases.add(c);
            }
            JsonNode report = call(url, province, "POST", "/api/v1/petition-batches", Map.of("number", batch,
                    "receivedOn", start.plusDays(batch * 7L).toString(), "deadlineWorkingDays", 15,
                    "note", "第" + batch + "批（演示数据）", "cases", cases), 200);
            int row = 0;
            for (JsonNode r : report.get("rows")) {
                if (r.get("outcome").asText().equals("CREATED")) {
                    created++;
                    walk(url, office, keys, r.get("petitionId").asText(), cases.get(row), (batch * 80 + row) % 7);
                }
                row++;
            }
        }
        System.out.println("demo data: " + created + " petitions registered" + (created == 0 ? " (already there)" : ""));
    }

    /** Moves a new case to one of the statuses, as the office and the lead unit would. */
    private static void walk(String url, String office, JwtKeys keys, String id, Map<String, Object> c, int stage)
            throws Exception {
        if (stage == 0) {
            return;
        }
        String lead = (String) c.get("leadUnit");
        String unit = Tokens.signedWith(keys.privateKey()).roles("unit").unit(lead).name(lead + " 经办人").sign();
        String path = "/api/v1/petitions/" + id;
        call(url, office, "POST", path + "/transitions", Map.of("action", "ASSIGN", "leadUnit", lead), 200);
        if (stage == 1) {
            return;
        }
        call(url, unit, "POST", path + "/transitions", Map.of("action", "START_INVESTIGATION"), 200);
        if (stage == 2) {
            return;
        }
        boolean fined = stage % 2 == 0;
        call(url, unit, "POST", path + "/transitions", Map.of("action", "CONCLUDE",
                "finding", List.of("TRUE", "MOSTLY_TRUE", "PARTLY_TRUE", "FALSE").get(stage % 4),
                "investigation", "经现场调查核实，" + c.get("content").toString().replaceAll("^.*?反映：", ""),
                "handling", Map.of("narrative", fined ? "责令限期整改，立案处罚" : "责令整改",
                        "rectificationOrders", 1, "penaltyCases", fined ? 1 : 0, "finesYuan", fined ? "30000" : "0",
                        "talks", stage == 6 ? 1 : 0, "personsHeldAccountable", stage == 6 ? 1 : 0),
                "completion", stage >= 4 ? "DONE" : "PHASED", "publicReply", "已按要求整改",
                "accountability", stage == 6 ? "约谈相关责任人1人" : "无"), 200);
        if (stage == 3) {
            return;
        }
        call(url, office, "POST", path + "/transitions", Map.of("action", "CLOSE"), 200);
        if (stage >= 5) {
            call(url, office, "POST", path + "/publication", Map.of(), 200);
        }
        if (stage == 5) {
            call(url, office, "POST", path + "/transitions", Map.of("action", "CONFIRM"), 200);
        }
    }

    private static JsonNode call(String base, String token, String method, String path, Object body, int expected)
            throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
