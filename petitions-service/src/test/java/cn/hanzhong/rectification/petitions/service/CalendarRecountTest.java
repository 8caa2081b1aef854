package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.ReporterKeyResource;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A year's holiday notice published by issues-service reaches this service through the broker and recounts deadlines. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(ReporterKeyResource.class)
class CalendarRecountTest {

    @InjectKafka
    LocalKafka kafka;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    ObjectMapper mapper;

    @Test
    void aProvisionalDeadlineMovesByTheSpringFestivalWhenTheNoticeArrivesAndOnlyOnce() throws Exception {
        LocalDate today = LocalDate.now(ProgrammeClock.ZONE);
        int year = today.getYear() + 1;
        while (calendar.schedule(year) != null) {
            year++;
        }
        int workingDays = calendar.workingDaysBetween(today, LocalDate.of(year, 2, 20));
        String number = "X" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        Map<String, Object> c = new HashMap<>(Map.of("caseNumber", number, "receivedAt", today.toString(),
                "channel", "PHONE", "priority", false, "content", "春节前后夜间施工噪声扰民", "location", "汉台区",
                "district", "HTQ", "pollutionTypes", List.of("NOISE")));
        String id = given().auth().oauth2(TestTokens.builder().roles("province").sign()).contentType(ContentType.JSON)
                .body(Map.of("number", (int) (System.nanoTime() % 100000) + 200000, "receivedOn", today.toString(),
                        "deadlineWorkingDays", workingDays, "cases", List.of(c)))
                .post("/api/v1/petition-batches").then().statusCode(200).extract().path("rows[0].petitionId");
        String provisional = given().auth().oauth2(TestTokens.office()).contentType(ContentType.JSON)
                .body(Map.of("action", "ASSIGN", "leadUnit", "HTQ"))
                .post("/api/v1/petitions/" + id + "/transitions").then().statusCode(200)
                .body("deadlineProvisional", equalTo(true)).extract().path("deadline");

        List<LocalDate> holidays = new ArrayList<>(List.of(LocalDate.of(year, 1, 1)));
        for (int d = 5; d <= 11; d++) {
            holidays.add(LocalDate.of(year, 2, d));
        }
        LocalDate makeUp = LocalDate.of(year, 2, 12).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        ObjectNode notice = EventFixtures.event("calendar.updated.json", UUID.randomUUID(), Map.of("year", year,
                "holidays", holidays.stream().map(LocalDate::toString).toList(),
                "makeUpWorkdays", List.of(makeUp.toString())));
        notice.put("subject", "calendar-" + year);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", notice);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", notice); // redelivered

        WorkingDayCalendar expected = WorkingDayCalendar.prc();
        expected.publish(new WorkingDayCalendar.YearSchedule(year, new HashSet<>(holidays), Set.of(makeUp), "test"));
        String recounted = expected.addWorkingDays(today, workingDays).toString();
        assertTrue(LocalDate.parse(recounted).isAfter(LocalDate.parse(provisional)));
        await().atMost(Duration.ofSeconds(30)).until(() -> recounted.equals(given().auth().oauth2(TestTokens.office())
                .get("/api/v1/petitions/" + id).then().extract().path("deadline")));
        given().auth().oauth2(TestTokens.office()).get("/api/v1/petitions/" + id).then()
                .body("deadlineProvisional", equalTo(false));
        given().auth().oauth2(TestTokens.office()).queryParam("size", 200).get("/api/v1/petitions/" + id + "/history")
                .then().statusCode(200)
                .body("items.findAll { it.action == 'CALENDAR_PUBLISHED' }.size()", equalTo(1))
                .body("items.find { it.action == 'CALENDAR_PUBLISHED' }.oldValue", equalTo(provisional))
                .body("items.find { it.action == 'CALENDAR_PUBLISHED' }.newValue", equalTo(recounted))
                .body("items.find { it.action == 'CALENDAR_PUBLISHED' }.reason", equalTo("calendar " + year + " published"));

        List<String> changes = await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.valuesWithKey(
                        kafka.bootstrapServers(), "rectification.petitions", id, Duration.ofSeconds(3)).stream()
                .filter(v -> v.contains("\"petition.deadline-changed\"")).toList(), l -> !l.isEmpty());
        assertEquals(1, changes.size(), changes.toString());
        assertEquals(recounted, mapper.readTree(changes.get(0)).get("data").get("newDeadline").asText());
    }
}
