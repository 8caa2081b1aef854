package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Calls of the petitions API as the office, the province and the units make them. */
final class PetitionApi {

    static final String LEAD = "HTQ";
    static final String COOPERATING = "SSTHJJ";
    static final String OTHER = "YX";
    private static final AtomicInteger BATCH = new AtomicInteger((int) (System.nanoTime() % 100000) + 1000);

    private PetitionApi() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification office() {
        return as(TestTokens.builder().roles("office").name("市整改办 信访组").sign());
    }

    static RequestSpecification province() {
        return as(TestTokens.role("province"));
    }

    static RequestSpecification unit(String code) {
        return as(TestTokens.builder().roles("unit").unit(code).name(code + " 经办人").sign());
    }

    static int nextBatch() {
        return BATCH.incrementAndGet();
    }

    static String caseNumber() {
        return "X" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static Map<String, Object> aCase(String caseNumber, String content) {
        Map<String, Object> c = new HashMap<>();
        c.put("caseNumber", caseNumber);
        c.put("receivedAt", LocalDate.now(ProgrammeClock.ZONE).minusDays(3).toString());
        c.put("channel", "PHONE");
        c.put("priority", false);
        c.put("reporter", Map.of("name", "李四", "phone", "13712345678", "idNumber", "610702199001011234",
                "address", "汉台区北关街道某小区"));
        c.put("content", content);
        c.put("location", "汉台区北关街道");
        c.put("district", "HTQ");
        c.put("pollutionTypes", List.of("COOKING_FUMES", "NOISE"));
        return c;
    }

    static Map<String, Object> batch(int number, List<Map<String, Object>> cases) {
        return Map.of("number", number, "receivedOn", LocalDate.now(ProgrammeClock.ZONE).minusDays(3).toString(), "cases", cases);
    }

    /** Posts a one-case batch and returns the petition id. */
    static String received(String content) {
        String number = caseNumber();
        return province().body(batch(nextBatch(), List.of(aCase(number, content)))).post("/api/v1/petition-batches")
                .then().statusCode(200).extract().path("rows[0].petitionId");
    }

    static ValidatableResponse transition(RequestSpecification who, String id, Map<String, Object> body) {
        return who.body(body).post("/api/v1/petitions/" + id + "/transitions").then();
    }

    static String investigating(String content) {
        String id = received(content);
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD, "cooperatingUnits", List.of(COOPERATING)))
                .statusCode(200);
        transition(unit(LEAD), id, Map.of("action", "START_INVESTIGATION")).statusCode(200);
        return id;
    }

    static Map<String, Object> conclusion() {
        return Map.of("action", "CONCLUDE", "finding", "TRUE",
                "investigation", "经现场核查，该餐饮店油烟净化设施未正常运行，属实。",
                "handling", Map.of("narrative", "责令安装油烟净化设施并立案处罚", "rectificationOrders", 1,
                        "penaltyCases", 1, "finesYuan", "20000.00", "talks", 1, "personsHeldAccountable", 1),
                "completion", "DONE", "publicReply", "已整改到位",
                "accountability", "约谈街道办负责人 1 人");
    }
}
