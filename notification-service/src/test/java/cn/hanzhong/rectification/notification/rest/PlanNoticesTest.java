package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.notification.service.Rules;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A unit that owes its implementation plan is reminded before the due date; the office learns of submissions; a return and a miss reach the unit. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PlanNoticesTest {

    @InjectKafka
    LocalKafka kafka;

    @Inject
    Rules rules;

    @Inject
    WorkingDayCalendar calendar;

    private static List<String> codes(String token, UUID plan) {
        return given().auth().oauth2(token).queryParam("item", plan.toString()).queryParam("size", 100).queryParam("sort", "id,asc")
                .get("/api/v1/notifications").then().statusCode(200).extract().path("items.code");
    }

    private void send(String type, UUID plan, Map<String, Object> data) throws Exception {
        ObjectNode e = EventFixtures.event("implementation-plan.submitted.json", plan, data);
        e.put("type", type);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", e);
    }

    @Test
    void remindedWhileOwedToldOnReturnAndOnTheMissedDate() throws Exception {
        UUID plan = UUID.randomUUID();
        String unit = "LBX";
        String unitToken = TestTokens.unit(unit);
        String office = TestTokens.office();
        LocalDate due = calendar.addWorkingDays(LocalDate.now(ProgrammeClock.ZONE), 3);
        send("implementation-plan.required", plan, Map.of("unit", unit, "status", "REQUIRED", "dueDate", due.toString(), "submissions", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            rules.scan(LocalDate.now(ProgrammeClock.ZONE));
            return codes(unitToken, plan).contains("REMINDER_3");
        });
        rules.scan(LocalDate.now(ProgrammeClock.ZONE));
        assertEquals(List.of("REMINDER_3"), codes(unitToken, plan), "reminded once");

        send("implementation-plan.submitted", plan, Map.of("unit", unit, "status", "SUBMITTED", "dueDate", due.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> codes(office, plan).contains("PLAN_SUBMITTED"));
        send("implementation-plan.returned", plan, Map.of("unit", unit, "status", "RETURNED", "dueDate", due.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> codes(unitToken, plan).contains("PLAN_RETURNED"));
        send("implementation-plan.overdue", plan, Map.of("unit", unit, "status", "RETURNED", "dueDate", due.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> codes(office, plan).contains("PLAN_OVERDUE"));
        assertEquals(List.of("REMINDER_3", "PLAN_RETURNED", "PLAN_OVERDUE"), codes(unitToken, plan));
        assertEquals(List.of("PLAN_SUBMITTED", "PLAN_OVERDUE"), codes(office, plan));
        assertEquals(List.of(), codes(TestTokens.unit("YX"), plan), "other units see nothing");
    }

    @Test
    void aReconciliationThatFoundDifferencesTellsTheOfficeOnce() throws Exception {
        UUID run = UUID.randomUUID();
        ObjectNode e = EventFixtures.event("reconciliation.completed.json", run, Map.of());
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", e);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", e);
        UUID clean = UUID.randomUUID();
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event("reconciliation.completed.json", clean,
                Map.of("different", 0, "onlyThere", 0, "anythingDiffers", false)));
        String office = TestTokens.office();
        await().atMost(Duration.ofSeconds(30)).until(() -> codes(office, run).contains("RECONCILIATION_DIFFERENCES"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> codes(office, run).size() == 1);
        assertEquals(List.of(), codes(office, clean), "nothing to say when everything matched");
        assertEquals(List.of(), codes(TestTokens.unit("LBX"), run), "units are not told");
    }

    @Test
    void aPetitionReconciliationThatFoundDifferencesTellsTheOfficeToo() throws Exception {
        UUID run = UUID.randomUUID();
        EventFixtures.send(kafka.bootstrapServers(), "rectification.petitions",
                EventFixtures.event("petition.reconciliation-completed.json", run, Map.of()));
        String office = TestTokens.office();
        await().atMost(Duration.ofSeconds(30)).until(() -> codes(office, run).contains("RECONCILIATION_DIFFERENCES"));
        given().auth().oauth2(office).queryParam("item", run.toString()).get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].body", org.hamcrest.Matchers.startsWith("信访件省市对账："));
        assertEquals(List.of(), codes(TestTokens.unit("HTQ"), run), "units are not told");
    }
}
