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

/** Supervision orders reach the unit addressed (order, reminder, return, 催办) and the office (response, 催办). */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class SupervisionOrderNoticesTest {

    @InjectKafka
    LocalKafka kafka;

    @Inject
    Rules rules;

    @Inject
    WorkingDayCalendar calendar;

    private static List<String> codes(String token, UUID order) {
        return given().auth().oauth2(token).queryParam("item", order.toString()).queryParam("size", 100).queryParam("sort", "id,asc")
                .get("/api/v1/notifications").then().statusCode(200).extract().path("items.code");
    }

    private void send(String fixture, UUID order, Map<String, Object> data) throws Exception {
        ObjectNode e = EventFixtures.event(fixture, order, data);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", e);
    }

    @Test
    void theUnitAddressedAndTheOfficeAreToldEachStepOnce() throws Exception {
        UUID order = UUID.randomUUID();
        String unit = "MX";
        LocalDate due = calendar.addWorkingDays(LocalDate.now(ProgrammeClock.ZONE), 3);
        String unitToken = TestTokens.unit(unit);
        String office = TestTokens.office();
        Map<String, Object> issued = Map.of("unit", unit, "status", "ISSUED", "dueDate", due.toString(), "number", "汉整改督〔2026〕7号");
        send("supervision-order.issued.json", order, issued);
        await().atMost(Duration.ofSeconds(30)).until(() -> codes(unitToken, order).contains("SUPERVISION_ORDER_ISSUED"));

        rules.scan(LocalDate.now(ProgrammeClock.ZONE));
        rules.scan(LocalDate.now(ProgrammeClock.ZONE));
        assertEquals(List.of("SUPERVISION_ORDER_ISSUED", "REMINDER_3"), codes(unitToken, order));
        assertEquals(List.of(), codes(TestTokens.unit("YX"), order), "other units see nothing");

        send("supervision-order.overdue.json", order, Map.of("unit", unit, "status", "ISSUED", "dueDate", due.toString(),
                "overdueSince", due.plusDays(1).toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> codes(office, order).contains("SUPERVISION_ORDER_OVERDUE"));
        assertEquals(List.of("SUPERVISION_ORDER_ISSUED", "REMINDER_3", "SUPERVISION_ORDER_OVERDUE"), codes(unitToken, order));

        Map<String, Object> responded = Map.of("unit", unit, "status", "RESPONDED", "dueDate", due.toString());
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues",
                withType(EventFixtures.event("supervision-order.issued.json", order, responded), "supervision-order.responded"));
        await().atMost(Duration.ofSeconds(30)).until(() -> codes(office, order).contains("SUPERVISION_ORDER_RESPONDED"));
        LocalDate later = due.plusDays(20);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", withType(EventFixtures.event("supervision-order.issued.json",
                order, Map.of("unit", unit, "status", "RETURNED", "dueDate", later.toString(), "returnCount", 1)), "supervision-order.returned"));
        await().atMost(Duration.ofSeconds(30)).until(() -> codes(unitToken, order).contains("SUPERVISION_ORDER_RETURNED"));
        assertEquals(List.of("SUPERVISION_ORDER_OVERDUE", "SUPERVISION_ORDER_RESPONDED"), codes(office, order));
        assertEquals(List.of("SUPERVISION_ORDER_ISSUED", "REMINDER_3", "SUPERVISION_ORDER_OVERDUE", "SUPERVISION_ORDER_RETURNED"),
                codes(unitToken, order), "the response goes to the office, not back to the unit");
    }

    private static ObjectNode withType(ObjectNode event, String type) {
        event.put("type", type);
        return event;
    }
}
