package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.hanzhong.rectification.issues.rest.IssueApi.LEAD;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.transition;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The office loads next year's holiday notice through the API; provisional deadlines across it are recounted. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CalendarTest {

    @InjectKafka
    LocalKafka kafka;

    @Inject
    WorkingDayCalendar calendar;

    @Test
    void loadingNextYearsNoticeMovesAProvisionalDeadlineByTheSpringFestivalOnce() throws Exception {
        LocalDate today = LocalDate.now(ProgrammeClock.ZONE);
        int year = today.getYear() + 1;
        while (calendar.schedule(year) != null) {
            year++;
        }
        // Spring Festival week from 5 February, New Year's Day, and the Saturday after the festival worked.
        List<LocalDate> holidays = new ArrayList<>(List.of(LocalDate.of(year, 1, 1)));
        for (int d = 5; d <= 11; d++) {
            holidays.add(LocalDate.of(year, 2, d));
        }
        LocalDate makeUp = LocalDate.of(year, 2, 12).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        LocalDate target = LocalDate.of(year, 2, 20);
        int workingDays = calendar.workingDaysBetween(today, target);

        String id = IssueApi.register(IssueApi.unique("跨年时限"));
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD, "deadlineWorkingDays", workingDays))
                .statusCode(200)
                .body("deadline", equalTo(calendar.addWorkingDays(today, workingDays).toString()))
                .body("deadlineProvisional", equalTo(true));
        String provisional = office().get("/api/v1/issues/" + id).then().extract().path("deadline");

        // Invalid notices are refused, naming the date.
        office().body(Map.of("holidays", List.of(LocalDate.of(year - 1, 12, 31).toString()), "makeUpWorkdays", List.of()))
                .put("/api/v1/calendar/" + year).then().statusCode(400)
                .body("violations.field", hasItem("holidays[0]"));
        LocalDate weekday = LocalDate.of(year, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        office().body(Map.of("holidays", List.of(), "makeUpWorkdays", List.of(weekday.toString())))
                .put("/api/v1/calendar/" + year).then().statusCode(400)
                .body("violations.field", hasItem("makeUpWorkdays[0]"));
        unit(LEAD).body(Map.of("holidays", List.of(), "makeUpWorkdays", List.of()))
                .put("/api/v1/calendar/" + year).then().statusCode(403);

        Map<String, Object> notice = Map.of("holidays", holidays.stream().map(LocalDate::toString).toList(),
                "makeUpWorkdays", List.of(makeUp.toString()), "source", "国办发明电〔" + (year - 1) + "〕7号");
        office().body(notice).put("/api/v1/calendar/" + year).then().statusCode(200)
                .body("changed", equalTo(true))
                .body("year.published", equalTo(true));

        // The expected date, counted independently with the same notice.
        WorkingDayCalendar expectedCalendar = WorkingDayCalendar.prc();
        expectedCalendar.publish(new WorkingDayCalendar.YearSchedule(year, new HashSet<>(holidays), Set.of(makeUp), "test"));
        String recounted = expectedCalendar.addWorkingDays(today, workingDays).toString();
        assertTrue(LocalDate.parse(recounted).isAfter(LocalDate.parse(provisional)),
                "the festival's weekdays push " + provisional + " later, to " + recounted);
        office().get("/api/v1/issues/" + id).then().statusCode(200)
                .body("deadline", equalTo(recounted))
                .body("deadlineProvisional", equalTo(false));
        String reason = "calendar " + year + " published";
        office().queryParam("size", 200).get("/api/v1/issues/" + id + "/history").then()
                .body("items.findAll { it.action == 'CALENDAR_PUBLISHED' && it.field == 'deadline' }.size()", equalTo(1))
                .body("items.find { it.action == 'CALENDAR_PUBLISHED' }.oldValue", equalTo(provisional))
                .body("items.find { it.action == 'CALENDAR_PUBLISHED' }.newValue", equalTo(recounted))
                .body("items.find { it.action == 'CALENDAR_PUBLISHED' }.reason", equalTo(reason));

        // The same notice again changes nothing.
        office().body(notice).put("/api/v1/calendar/" + year).then().statusCode(200)
                .body("changed", equalTo(false))
                .body("deadlinesMoved", equalTo(0));
        office().queryParam("size", 200).get("/api/v1/issues/" + id + "/history").then()
                .body("items.findAll { it.action == 'CALENDAR_PUBLISHED' }.size()", equalTo(1));

        // Public information: readable without a token.
        given().get("/api/v1/public/calendar/" + year).then().statusCode(200)
                .body("published", equalTo(true))
                .body("makeUpWorkdays", equalTo(List.of(makeUp.toString())))
                .body("holidays.size()", equalTo(holidays.size()));
        given().get("/api/v1/public/calendar/" + (year + 5)).then().statusCode(200).body("published", equalTo(false));

        // On the broker: the moved deadline once, and the notice for the other services.
        List<JsonNode> changes = await().atMost(Duration.ofSeconds(30)).until(() -> IssueApi.events(kafka, id),
                e -> e.stream().anyMatch(x -> x.get("type").asText().equals("issue.deadline-changed")));
        JsonNode moved = changes.stream().filter(e -> e.get("type").asText().equals("issue.deadline-changed"))
                .findFirst().orElseThrow().get("data");
        assertEquals(recounted, moved.get("newDeadline").asText());
        assertEquals(reason, moved.get("reason").asText());
        assertEquals(false, moved.get("deadlineProvisional").asBoolean());
        int y = year;
        List<JsonNode> published = await().atMost(Duration.ofSeconds(30)).until(() -> IssueApi.events(kafka, "calendar-" + y),
                e -> !e.isEmpty());
        assertEquals(1, published.size(), "one calendar.updated for one change");
        assertEquals("calendar.updated", published.get(0).get("type").asText());
        assertEquals(makeUp.toString(), published.get(0).get("data").get("makeUpWorkdays").get(0).asText());
    }
}
