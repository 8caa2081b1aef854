package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The working-day calendar as this service keeps it: loaded from the owner's event, said on notices, missed in November. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CalendarNoticesTest {

    @InjectKafka
    LocalKafka kafka;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Rules rules;

    @Inject
    EntityManager em;

    @Test
    void aPublishedNoticeIsStoredAndCountedWithAndReminderNoticesSayWhenADeadlineIsProvisional() throws Exception {
        int year = 2090;
        ObjectNode event = EventFixtures.event("calendar.updated.json", UUID.randomUUID(), Map.of("year", year));
        ArrayNode holidays = ((ObjectNode) event.get("data")).putArray("holidays");
        holidays.add(year + "-01-02").add(year + "-02-06");
        ((ObjectNode) event.get("data")).putArray("makeUpWorkdays");
        event.put("subject", "calendar-" + year);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", event);
        await().atMost(Duration.ofSeconds(30)).until(() -> calendar.schedule(year) != null);
        assertEquals(false, calendar.isWorkingDay(LocalDate.of(year, 1, 2)), "a stored holiday is off");
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from calendar_year where year = " + year)
                .getSingleResult()).longValue(), "kept in this service's database for a restart");

        // A provisional deadline: the reminder says so, and so does the notice's field.
        UUID issue = UUID.randomUUID();
        String lead = "XXX";
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ProgrammeClock.ZONE), 3);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event("issue.assigned.json",
                issue, Map.of("leadUnit", lead, "cooperatingUnits", List.of(), "deadline", deadline.toString(),
                        "deadlineProvisional", true)));
        String token = TestTokens.unit(lead);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                .queryParam("item", issue.toString()).get("/api/v1/notifications").then().extract()
                .<List<String>>path("items.code").contains("REMINDER_3"));
        given().auth().oauth2(token).queryParam("item", issue.toString()).get("/api/v1/notifications").then()
                .body("items.find { it.code == 'REMINDER_3' }.deadlineProvisional", equalTo(true))
                .body("items.find { it.code == 'REMINDER_3' }.body", containsString("时限暂定"));
    }

    @Test
    void inNovemberTheOfficeIsToldOnceThatNextYearsNoticeIsMissing() {
        int year = 2095; // no notice for 2096
        rules.scan(LocalDate.of(year, 10, 31));
        rules.scan(LocalDate.of(year, 11, 2));
        rules.scan(LocalDate.of(year, 11, 3));
        given().auth().oauth2(TestTokens.office()).queryParam("size", 200).get("/api/v1/notifications").then()
                .statusCode(200)
                .body("items.findAll { it.code == 'CALENDAR_MISSING' && it.itemCode == 'CAL-" + (year + 1) + "' }.size()",
                        equalTo(1));
        given().auth().oauth2(TestTokens.unit("HTQ")).queryParam("size", 200).get("/api/v1/notifications").then()
                .body("items.findAll { it.code == 'CALENDAR_MISSING' }.size()", equalTo(0));
    }
}
