package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.petitions.ReporterKeyResource;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import cn.hanzhong.rectification.platform.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.petitions.rest.PetitionApi.LEAD;
import static cn.hanzhong.rectification.petitions.rest.PetitionApi.OTHER;
import static cn.hanzhong.rectification.petitions.rest.PetitionApi.office;
import static cn.hanzhong.rectification.petitions.rest.PetitionApi.transition;
import static cn.hanzhong.rectification.petitions.rest.PetitionApi.unit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(ReporterKeyResource.class)
class PetitionLifecycleTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void batchIntakeIsIdempotentAndReportsEachRow() {
        int number = PetitionApi.nextBatch();
        String a = PetitionApi.caseNumber();
        String b = PetitionApi.caseNumber();
        List<Map<String, Object>> cases = new ArrayList<>();
        cases.add(PetitionApi.aCase(a, "某餐饮店油烟扰民"));
        cases.add(PetitionApi.aCase(b, "某工地夜间施工噪声扰民"));
        Map<String, Object> bad = PetitionApi.aCase(PetitionApi.caseNumber(), "坏行");
        bad.put("district", "ATLANTIS");
        cases.add(bad);
        Map<String, Object> noContent = PetitionApi.aCase(PetitionApi.caseNumber(), "x");
        noContent.remove("content");
        cases.add(noContent);
        cases.add(PetitionApi.aCase(a, "重复的受理编号"));

        io.restassured.response.ValidatableResponse imported = PetitionApi.province()
                .header(OpenApiContract.RESPONSE_ONLY, "rows wrong on purpose")
                .body(PetitionApi.batch(number, cases)).post("/api/v1/petition-batches")
                .then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(3))
                .body("rows[0].outcome", equalTo("CREATED"))
                .body("rows[2].outcome", equalTo("REJECTED"))
                .body("rows[2].reasons[0].field", equalTo("district"))
                .body("rows[3].reasons[0].field", equalTo("content"))
                .body("rows[4].reasons[0].message", equalTo("appears twice in this upload"));
        // The new cases' history lines and events are written in bulk: one of each per created case, in row order.
        List<String> createdIds = List.of(imported.extract().<String>path("rows[0].petitionId"),
                imported.extract().<String>path("rows[1].petitionId"));
        for (String created : createdIds) {
            office().get("/api/v1/petitions/" + created + "/history").then().statusCode(200)
                    .body("items.action", contains("RECEIVED")).body("items[0].reason", equalTo("batch " + number))
                    .body("items[0].actor", notNullValue());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> events = em.createNativeQuery("select aggregate_id, event_type from outbox_event where aggregate_id in (:ids) "
                + "order by id").setParameter("ids", createdIds).getResultList();
        assertEquals(createdIds, events.stream().map(e -> (String) e[0]).toList(), "one event per created case, in row order");
        assertTrue(events.stream().allMatch(e -> "petition.received".equals(e[1])));

        // Replaying the good rows changes nothing; a changed case is updated and recorded.
        PetitionApi.province().body(PetitionApi.batch(number, cases.subList(0, 2))).post("/api/v1/petition-batches")
                .then().statusCode(200).body("unchanged", equalTo(2)).body("created", equalTo(0));
        Map<String, Object> changed = new HashMap<>(cases.get(1));
        changed.put("priority", true);
        String id = PetitionApi.province().body(PetitionApi.batch(number, List.of(changed)))
                .post("/api/v1/petition-batches")
                .then().statusCode(200).body("updated", equalTo(1)).extract().path("rows[0].petitionId");
        office().get("/api/v1/petitions/" + id).then().body("priority", equalTo(true));
        office().get("/api/v1/petitions/" + id + "/history").then()
                .body("items.find { it.field == 'priority' }.newValue", equalTo("true"));
        office().queryParam("batch", number).get("/api/v1/petitions").then().body("totalItems", equalTo(2));
        // The batch list counts the cases of the batches on its page (newest first: this one on page 0).
        office().queryParam("sort", "number,desc").queryParam("size", 200).get("/api/v1/petition-batches").then().statusCode(200)
                .body("items.find { it.number == " + number + " }.cases", equalTo(2));
    }

    @Test
    void fromAssignmentThroughLookBackAndFeedback() {
        String id = PetitionApi.received("某烧烤店油烟直排，影响居民生活");
        office().get("/api/v1/petitions/" + id).then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("reporter.name", equalTo("李*"))
                .body("reporter.phone", equalTo("137****5678"))
                .body("allowedActions", contains("ASSIGN", "MARK_DUPLICATE"));

        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD, "cooperatingUnits", List.of("SSTHJJ")))
                .statusCode(200).body("status", equalTo("ASSIGNED"))
                .body("deadline", notNullValue())
                .body("deadlineRule", org.hamcrest.Matchers.startsWith("15 working days from"));
        transition(unit(LEAD), id, Map.of("action", "START_INVESTIGATION")).statusCode(200);
        transition(unit(LEAD), id, PetitionApi.conclusion()).statusCode(200)
                .body("status", equalTo("CONCLUDED")).body("finding", equalTo("TRUE"))
                .body("handling.finesYuan", equalTo(20000.0f));
        transition(office(), id, Map.of("action", "RETURN", "reason", "缺少整改前后对比照片")).statusCode(200)
                .body("status", equalTo("INVESTIGATING"));
        transition(unit(LEAD), id, PetitionApi.conclusion()).statusCode(200);
        transition(office(), id, Map.of("action", "CLOSE")).statusCode(200).body("status", equalTo("CLOSED"));
        transition(office(), id, Map.of("action", "REOPEN", "reason", "回头看发现油烟净化器停用")).statusCode(200)
                .body("status", equalTo("INVESTIGATING")).body("reopenCount", equalTo(1));
        transition(unit(LEAD), id, PetitionApi.conclusion()).statusCode(200);
        transition(office(), id, Map.of("action", "CLOSE")).statusCode(200);
        // The petitioner is not satisfied: the case reopens (群众不满意不放过).
        office().body(Map.of("feedback", "UNSATISFIED", "note", "仍有油烟")).post("/api/v1/petitions/" + id + "/feedback")
                .then().statusCode(200).body("status", equalTo("INVESTIGATING")).body("reopenCount", equalTo(2))
                .body("feedback", equalTo("UNSATISFIED"));
        transition(unit(LEAD), id, PetitionApi.conclusion()).statusCode(200);
        transition(office(), id, Map.of("action", "CLOSE")).statusCode(200);
        office().body(Map.of("feedback", "SATISFIED")).post("/api/v1/petitions/" + id + "/feedback")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        transition(office(), id, Map.of("action", "CONFIRM")).statusCode(200).body("status", equalTo("CONFIRMED"));

        office().queryParam("size", 100).get("/api/v1/petitions/" + id + "/history").then()
                .body("items.action", hasItems("RECEIVED", "ASSIGN", "START_INVESTIGATION", "CONCLUDE", "RETURN", "CLOSE",
                        "REOPEN", "FEEDBACK", "CONFIRM"));
    }

    @Test
    void duplicatesAndIllegalMoves() {
        String original = PetitionApi.received("河道非法采砂");
        String repeat = PetitionApi.received("河道非法采砂（重复反映）");
        transition(office(), repeat, Map.of("action", "MARK_DUPLICATE")).statusCode(400)
                .body("violations[0].field", equalTo("duplicateOf"));
        transition(office(), repeat, Map.of("action", "MARK_DUPLICATE", "duplicateOf", original)).statusCode(200)
                .body("status", equalTo("DUPLICATE")).body("duplicateOf", equalTo(original));
        transition(office(), repeat, Map.of("action", "ASSIGN", "leadUnit", LEAD)).statusCode(409)
                .contentType(PROBLEM).body("allowedActions", equalTo(List.of()));
        transition(office(), original, Map.of("action", "CLOSE")).statusCode(409)
                .body("allowedActions", contains("ASSIGN", "MARK_DUPLICATE"));
        transition(office(), original, Map.of("action", "CONFIRM")).statusCode(409);
        office().body(Map.of("feedback", "SATISFIED")).post("/api/v1/petitions/" + original + "/feedback")
                .then().statusCode(409);
        String running = PetitionApi.investigating("养殖场粪污直排");
        transition(unit(LEAD), running, Map.of("action", "CONCLUDE")).statusCode(400)
                .body("violations.field", hasItems("finding", "investigation", "handling", "completion"));
        transition(unit(LEAD), running, Map.of("action", "CLOSE")).statusCode(403);
    }

    @Test
    void unitsSeeOnlyTheirOwnAndOnlyTheLeadActs() {
        String id = PetitionApi.investigating("夜间渣土车扬尘");
        unit(OTHER).get("/api/v1/petitions/" + id).then().statusCode(404).contentType(PROBLEM);
        transition(unit(OTHER), id, PetitionApi.conclusion()).statusCode(404);
        unit(OTHER).queryParam("size", 200).get("/api/v1/petitions").then().body("items.id", not(hasItem(id)));
        unit("SSTHJJ").get("/api/v1/petitions/" + id).then().statusCode(200);
        transition(unit("SSTHJJ"), id, PetitionApi.conclusion()).statusCode(403);
        PetitionApi.as(TestTokens.role("discipline")).get("/api/v1/petitions").then().statusCode(403);
        PetitionApi.as(TestTokens.role("leader")).get("/api/v1/petitions/" + id).then().statusCode(200);
    }

    @Test
    void searchFindsTwoCharacterTermsAndFilters() {
        String tag = PetitionApi.caseNumber();
        String id = PetitionApi.received("镇巴县某砂石厂扬尘严重 " + tag);
        office().queryParam("q", "扬尘").queryParam("size", 200).get("/api/v1/petitions").then()
                .body("items.id", hasItem(id));
        office().queryParam("q", tag).queryParam("district", "HTQ").queryParam("pollutionType", "NOISE,WATER")
                .get("/api/v1/petitions").then().body("totalItems", equalTo(1));
        office().queryParam("q", tag).queryParam("pollutionType", "WATER").get("/api/v1/petitions").then()
                .body("totalItems", equalTo(0));
        office().queryParam("district", "ATLANTIS").get("/api/v1/petitions").then().statusCode(400)
                .body("violations[0].field", equalTo("district"));
        office().get("/api/v1/petitions/stats").then().statusCode(200)
                .body("byDistrict", org.hamcrest.Matchers.hasKey("HTQ"))
                .body("enforcement.penaltyCases", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    }

    @Test
    void officeMovesTheDeadlineWithAReason() {
        String id = PetitionApi.investigating("水源地周边违建");
        String etag = office().get("/api/v1/petitions/" + id).then().extract().header("ETag");
        String later = LocalDate.now(ProgrammeClock.ZONE).plusDays(60).toString();
        office().body(Map.of("deadline", later)).put("/api/v1/petitions/" + id + "/deadline").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        office().header("If-Match", "\"999\"").body(Map.of("deadline", later, "reason", "案情复杂"))
                .put("/api/v1/petitions/" + id + "/deadline").then().statusCode(412);
        office().header("If-Match", etag).body(Map.of("deadline", later, "reason", "案情复杂"))
                .put("/api/v1/petitions/" + id + "/deadline").then().statusCode(200).body("deadline", equalTo(later));
    }
}
