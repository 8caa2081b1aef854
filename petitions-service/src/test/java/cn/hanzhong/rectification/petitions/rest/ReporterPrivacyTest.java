package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.petitions.ReporterKeyResource;
import cn.hanzhong.rectification.petitions.service.OverdueWatch;
import cn.hanzhong.rectification.petitions.tables.Tables;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static cn.hanzhong.rectification.petitions.rest.PetitionApi.LEAD;
import static cn.hanzhong.rectification.petitions.rest.PetitionApi.office;
import static cn.hanzhong.rectification.petitions.rest.PetitionApi.transition;
import static cn.hanzhong.rectification.petitions.rest.PetitionApi.unit;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reporters' personal data: encrypted, masked, revealed only with an audit, never published or sent. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(ReporterKeyResource.class)
class ReporterPrivacyTest {

    private static final String CANARY_NAME = "甄金丝雀";
    private static final String CANARY_PHONE = "13998765432";
    private static final String CANARY_ID = "610702198802023456";

    @InjectKafka
    LocalKafka kafka;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    OverdueWatch overdueWatch;

    private String canaryPetition() {
        String number = PetitionApi.caseNumber();
        Map<String, Object> c = PetitionApi.aCase(number, "举报人" + CANARY_NAME + "反映：小区旁养殖场粪污直排，"
                + "联系电话" + CANARY_PHONE + "，身份证" + CANARY_ID + "。");
        c.put("reporter", Map.of("name", CANARY_NAME, "phone", CANARY_PHONE, "idNumber", CANARY_ID, "address", "汉台区金丝雀巷1号"));
        c.put("pollutionTypes", List.of("WATER"));
        return PetitionApi.province().body(PetitionApi.batch(PetitionApi.nextBatch(), List.of(c)))
                .post("/api/v1/petition-batches").then().statusCode(200).extract().path("rows[0].petitionId");
    }

    @Test
    void storedEncryptedShownMaskedRevealedWithAudit() {
        String id = canaryPetition();
        Object[] row = (Object[]) em.createNativeQuery("select reporter_name_enc, reporter_phone_enc from petition where id = :id")
                .setParameter("id", UUID.fromString(id)).getSingleResult();
        assertFalse(row[0].toString().contains(CANARY_NAME), "encrypted at rest");
        assertTrue(row[0].toString().startsWith("test:"), "the key id is stored for rotation");
        assertFalse(row[1].toString().contains(CANARY_PHONE));

        office().get("/api/v1/petitions/" + id).then()
                .body("reporter.name", equalTo("甄***")).body("reporter.phone", equalTo("139****5432"));

        unit(LEAD).body(Map.of("reason", "核实情况需要")).post("/api/v1/petitions/" + id + "/reporter/reveal")
                .then().statusCode(403).contentType("application/problem+json");
        office().body(Map.of()).post("/api/v1/petitions/" + id + "/reporter/reveal")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        String key = UUID.randomUUID().toString();
        office().header("Idempotency-Key", key).body(Map.of("reason", "回访核实办理结果")).post("/api/v1/petitions/" + id + "/reporter/reveal")
                .then().statusCode(200).header("Idempotency-Replayed", (String) null)
                .body("name", equalTo(CANARY_NAME)).body("phone", equalTo(CANARY_PHONE)).body("idNumber", equalTo(CANARY_ID));
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from platform_idempotency where idem_key = :k")
                .setParameter("k", key).getSingleResult()).longValue(), "a revealed identity is never kept for replays");
        office().queryParam("petitionId", id).get("/api/v1/petitions/reporter-reveals").then().statusCode(200)
                .body("totalItems", equalTo(2)) // the unit's refused attempt is recorded too
                .body("items.find { it.outcome == 'DENIED' }.actorRoles", equalTo("unit"))
                .body("items.find { it.outcome == 'ALLOWED' }.reason", equalTo("回访核实办理结果"))
                .body("items.find { it.outcome == 'ALLOWED' }.actorName", equalTo("市整改办 信访组"));
        unit(LEAD).get("/api/v1/petitions/reporter-reveals").then().statusCode(403);
    }

    @Test
    void canaryNeverLeavesTheServiceUnmasked() throws Exception {
        String id = canaryPetition();
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD,
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(1).toString())).statusCode(200);
        transition(unit(LEAD), id, Map.of("action", "START_INVESTIGATION")).statusCode(200);
        Map<String, Object> conclusion = new HashMap<>(PetitionApi.conclusion());
        conclusion.put("investigation", "经核查，" + CANARY_NAME + "反映情况属实，已联系" + CANARY_NAME + "（" + CANARY_PHONE + "）。");
        transition(unit(LEAD), id, conclusion).statusCode(200);
        overdueWatch.publishOverdue(LocalDate.now(ProgrammeClock.ZONE).plusDays(5));
        transition(office(), id, Map.of("action", "CLOSE")).statusCode(200);

        // The office reviews the redacted texts, then publishes.
        String preview = office().get("/api/v1/petitions/" + id + "/disclosure-preview").then().statusCode(200)
                .extract().asString();
        assertNoCanary("preview", preview);
        assertTrue(preview.contains("甄某某"), preview);
        office().body(Map.of("investigation", "复核：" + CANARY_NAME + " 电话 " + CANARY_PHONE))
                .post("/api/v1/petitions/" + id + "/publication").then().statusCode(200).body("published", equalTo(true));

        String number = office().get("/api/v1/petitions/" + id).then().extract().path("caseNumber");
        String json = given().queryParam("q", number).get("/api/v1/public/petitions").then().statusCode(200)
                .body("totalItems", equalTo(1)).extract().asString();
        assertNoCanary("public JSON", json);
        String csv = new String(given().queryParam("q", number).queryParam("format", "csv").get("/api/v1/public/petitions")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertNoCanary("public CSV", csv);

        // Open311 GeoReport v2: the spec's fields, JSON and XML, published texts only.
        String open311 = given().get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(number)).body("[0].status", equalTo("closed"))
                .body("[0].service_code", equalTo("WATER")).body("[0].address", org.hamcrest.Matchers.startsWith("陕西省汉中市"))
                .body("[0]", org.hamcrest.Matchers.hasKey("requested_datetime")).body("[0]", org.hamcrest.Matchers.hasKey("long"))
                .extract().asString();
        assertNoCanary("Open311 JSON", open311);
        for (String field : List.of("service_request_id", "status", "status_notes", "service_name", "service_code", "description",
                "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address",
                "address_id", "zipcode", "lat", "long", "media_url")) {
            assertTrue(open311.contains("\"" + field + "\""), "Open311 field " + field);
        }
        String xml = given().get("/open311/v2/requests/" + number + ".xml").then().statusCode(200).contentType("text/xml")
                .body("service_requests.request.service_request_id", equalTo(number)).extract().asString();
        assertNoCanary("Open311 XML", xml);
        given().queryParam("service_code", "WATER").queryParam("status", "closed").queryParam("start_date", "2000-01-01")
                .get("/open311/v2/requests.json").then().statusCode(200).body("service_request_id", org.hamcrest.Matchers.hasItem(number));
        given().queryParam("service_code", "DUST").queryParam("start_date", "2000-01-01")
                .get("/open311/v2/requests.json").then().statusCode(200)
                .body("service_request_id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(number)));
        given().queryParam("status", "pending").get("/open311/v2/requests.json").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        given().get("/open311/v2/services.json").then().statusCode(200).body("service_code", org.hamcrest.Matchers.hasItem("DUST"))
                .body("find { it.service_code == 'DUST' }.service_name", equalTo("扬尘污染问题"));
        given().get("/open311/v2/services.xml").then().statusCode(200).body("services.service.size()", equalTo(10));
        assertTrue(csv.contains("受理编号") && csv.contains(number), csv);
        byte[] xlsx = given().queryParam("q", number).header("Accept", Tables.XLSX).get("/api/v1/public/petitions")
                .then().statusCode(200).extract().asByteArray();
        assertNoCanary("public XLSX", xlsxText(xlsx));
        // Searching the public table for the reporter finds nothing.
        given().queryParam("q", CANARY_NAME).get("/api/v1/public/petitions").then().body("totalItems", equalTo(0));

        List<String> events = await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(id), e -> e.size() >= 6);
        assertNoCanary("events", String.join("\n", events));

        Path log = Path.of("target", "petitions-test.log");
        assertTrue(Files.exists(log), "the test log is written");
        assertNoCanary("application log", Files.readString(log, StandardCharsets.UTF_8));

        // Error messages never echo a reporter's data either.
        Map<String, Object> bad = PetitionApi.aCase(PetitionApi.caseNumber(), "x");
        bad.put("reporter", Map.of("name", CANARY_NAME, "phone", "not-a-phone-" + CANARY_PHONE));
        String report = PetitionApi.province().body(PetitionApi.batch(PetitionApi.nextBatch(), List.of(bad)))
                .post("/api/v1/petition-batches").then().statusCode(200).body("rejected", equalTo(1))
                .extract().asString();
        assertNoCanary("import report", report);
    }

    @Test
    void freeTextIsPseudonymisedForEveryReaderButTheOffice() {
        String number = PetitionApi.caseNumber();
        Map<String, Object> c = PetitionApi.aCase(number, number + "举报人" + CANARY_NAME + "反映：小区旁养殖场粪污直排，联系电话"
                + CANARY_PHONE + "，身份证" + CANARY_ID + "，银行卡6222021234567890123，邮箱 canary.bird@example.com；"
                + "来电人：欧阳明，另有姓名：司马光。");
        c.put("reporter", Map.of("name", CANARY_NAME, "phone", CANARY_PHONE, "idNumber", CANARY_ID));
        c.put("location", "汉台区金丝雀巷，" + CANARY_NAME + "家门口（" + CANARY_PHONE + "）");
        String id = PetitionApi.province().body(PetitionApi.batch(PetitionApi.nextBatch(), List.of(c)))
                .post("/api/v1/petition-batches").then().statusCode(200).extract().path("rows[0].petitionId");
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD)).statusCode(200);
        transition(unit(LEAD), id, Map.of("action", "START_INVESTIGATION")).statusCode(200);
        Map<String, Object> conclusion = new HashMap<>(PetitionApi.conclusion());
        conclusion.put("investigation", "经核查，" + CANARY_NAME + "反映属实，已电话回复" + CANARY_PHONE + "。");
        conclusion.put("publicReply", "已向反映人" + CANARY_NAME + "反馈");
        transition(unit(LEAD), id, conclusion).statusCode(200);

        List<String> secrets = List.of(CANARY_NAME, CANARY_PHONE, CANARY_ID, "6222021234567890123", "canary.bird",
                "欧阳明", "司马光");
        Map<String, io.restassured.specification.RequestSpecification> readers = Map.of(
                "unit", unit(LEAD), "leader", PetitionApi.as(TestTokens.role("leader")), "province", PetitionApi.province());
        readers.forEach((who, reader) -> {
            String one = reader.get("/api/v1/petitions/" + id).then().statusCode(200)
                    .body("content", org.hamcrest.Matchers.containsString("举报人甄某某反映"))
                    .body("content", org.hamcrest.Matchers.containsString("139****5432"))
                    .body("location", org.hamcrest.Matchers.containsString("甄某某家门口"))
                    .extract().asString();
            String list = reader.queryParam("q", number).get("/api/v1/petitions")
                    .then().statusCode(200).body("totalItems", equalTo(1)).extract().asString();
            for (String secret : secrets) {
                assertFalse(one.contains(secret), who + " reads " + secret + " in " + one);
                assertFalse(list.contains(secret), who + " reads " + secret + " in the list");
            }
        });
        // The office reads the text as it came; the reporter's own fields stay masked until revealed.
        office().get("/api/v1/petitions/" + id).then().statusCode(200)
                .body("content", org.hamcrest.Matchers.containsString("举报人" + CANARY_NAME + "反映"))
                .body("content", org.hamcrest.Matchers.containsString(CANARY_ID))
                .body("investigation", org.hamcrest.Matchers.containsString(CANARY_PHONE))
                .body("reporter.name", equalTo("甄***"));

        // Published, the public search matches only the published, pseudonymised text.
        overdueWatch.publishOverdue(LocalDate.now(ProgrammeClock.ZONE).plusDays(5));
        transition(office(), id, Map.of("action", "CLOSE")).statusCode(200);
        office().body(Map.of()).post("/api/v1/petitions/" + id + "/publication").then().statusCode(200);
        given().queryParam("q", number + "举报人甄某某反映").get("/api/v1/public/petitions").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].caseNumber", equalTo(number));
        for (String q : List.of(CANARY_NAME, CANARY_PHONE, "金丝雀巷", "canary.bird")) {
            given().queryParam("q", q).get("/api/v1/public/petitions").then().statusCode(200).body("totalItems", equalTo(0));
        }
    }

    @Test
    void eachEventExactlyOnce() throws Exception {
        String id = PetitionApi.investigating("某企业夜间偷排废水");
        transition(unit(LEAD), id, PetitionApi.conclusion()).statusCode(200);
        transition(office(), id, Map.of("action", "CLOSE")).statusCode(200);
        transition(office(), id, Map.of("action", "REOPEN", "reason", "回头看")).statusCode(200);
        office().body(Map.of("deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(40).toString(), "reason", "延长办理"))
                .put("/api/v1/petitions/" + id + "/deadline").then().statusCode(200);
        overdueWatch.publishOverdue(LocalDate.now(ProgrammeClock.ZONE).plusDays(41));
        overdueWatch.publishOverdue(LocalDate.now(ProgrammeClock.ZONE).plusDays(42));

        List<JsonNode> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> eventsOf(id).stream().map(this::json).toList(),
                        e -> e.stream().anyMatch(x -> x.get("type").asText().equals("petition.overdue")));
        List<String> types = events.stream().map(e -> e.get("type").asText()).toList();
        for (String t : List.of("petition.received", "petition.assigned", "petition.concluded", "petition.reopened",
                "petition.deadline-changed", "petition.overdue")) {
            assertEquals(1, types.stream().filter(t::equals).count(), t + " exactly once in " + types);
        }
        // ASSIGN, START_INVESTIGATION, CONCLUDE, CLOSE, REOPEN
        assertEquals(5, types.stream().filter("petition.status-changed"::equals).count(), types.toString());
        for (JsonNode e : events) {
            for (String f : List.of("id", "caseNumber", "district", "pollutionTypes", "leadUnit", "cooperatingUnits",
                    "deadline", "status")) {
                assertTrue(e.get("data").has(f), e.get("type").asText() + " carries " + f);
            }
            assertFalse(e.get("data").has("reporter"));
            assertFalse(e.get("data").has("content"));
        }
        JsonNode concluded = events.stream().filter(e -> e.get("type").asText().equals("petition.concluded"))
                .findFirst().orElseThrow().get("data");
        assertEquals("TRUE", concluded.get("finding").asText());
        assertEquals(1, concluded.get("personsHeldAccountable").asInt());
    }

    private JsonNode json(String s) {
        try {
            return mapper.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoCanary(String where, String text) {
        for (String secret : List.of(CANARY_NAME, CANARY_PHONE, CANARY_ID, "金丝雀巷")) {
            assertFalse(text.contains(secret), where + " contains " + secret);
        }
    }

    private static String xlsxText(byte[] xlsx) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getFirstSheet().read().stream()
                    .map(r -> r.stream().map(c -> c == null ? "" : c.getText()).collect(Collectors.joining("|")))
                    .collect(Collectors.joining("\n"));
        }
    }

    private List<String> eventsOf(String id) {
        return TopicReader.valuesWithKey(kafka.bootstrapServers(), "rectification.petitions", id, Duration.ofSeconds(3));
    }
}
