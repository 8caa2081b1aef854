package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls of the ledger API as its users make them, for the tests. */
final class IssueApi {

    static final String LEAD = "SSTHJJ";        // 市生态环境局
    static final String COOPERATING = "HTQ";    // 汉台区
    static final String OTHER = "YX";           // 洋县
    static final String OFFICE_NAME = "市整改办 李主任";

    private static final ObjectMapper JSON = new ObjectMapper();

    private IssueApi() {
    }

    /** The CloudEvents on {@code rectification.issues} with record key {@code key}, in order, read from the broker. */
    static List<JsonNode> events(LocalKafka kafka, String key) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String value : TopicReader.valuesWithKey(kafka.bootstrapServers(), "rectification.issues", key,
                Duration.ofSeconds(3))) {
            out.add(JSON.readTree(value));
        }
        return out;
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification office() {
        return as(TestTokens.builder().roles("office").name(OFFICE_NAME).sign());
    }

    static RequestSpecification unit(String code) {
        return as(TestTokens.builder().roles("unit").unit(code).name(code + " 联络员").sign());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> newIssue(String title) {
        return Map.of(
                "source", "REPORT",
                "title", title,
                "description", "督察发现：" + title,
                "category", "AIR",
                "districts", List.of("HTQ"),
                "target", "扬尘污染得到有效管控",
                "requirements", "建立扬尘管控长效机制",
                "measures", List.of("开展工地排查", "落实六个百分百"),
                "approach", "TIME_BOUND",
                "responsibleOfficials", List.of(Map.of("name", "王某", "post", "市生态环境局局长")));
    }

    /** Registers an issue and returns its id. */
    static String register(String title) {
        return office().body(newIssue(title)).post("/api/v1/issues")
                .then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse transition(RequestSpecification who, String id, Map<String, Object> body) {
        return who.body(body).post("/api/v1/issues/" + id + "/transitions").then();
    }

    /** Registers, assigns to {@link #LEAD} with {@link #COOPERATING}, due in 30 days; returns the id. */
    static String assigned(String title) {
        String id = register(title);
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD,
                "cooperatingUnits", List.of(COOPERATING),
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(30).toString())).statusCode(200);
        return id;
    }

    static String inProgress(String title) {
        String id = assigned(title);
        transition(unit(LEAD), id, Map.of("action", "START")).statusCode(200);
        return id;
    }
}
