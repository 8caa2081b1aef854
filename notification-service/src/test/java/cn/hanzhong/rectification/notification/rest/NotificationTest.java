package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.notification.service.Rules;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.tables.Spreadsheets;
import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules, driven through the real broker with the producers' event fixtures, read through the API. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class NotificationTest {

    @InjectKafka
    LocalKafka kafka;

    @Inject
    Rules rules;

    @Inject
    WorkingDayCalendar calendar;

    @TestHTTPResource("/api/v1/notifications/stream")
    URL stream;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private void send(String topic, ObjectNode event) throws Exception {
        EventFixtures.send(kafka.bootstrapServers(), topic, event);
    }

    /** The kinds of the notices about {@code item}, oldest first, leaving out monthly dispatch (tested on its own). */
    private static List<String> kindsFor(String token, UUID item) {
        return allKindsFor(token, item).stream().filter(k -> !k.startsWith("MONTHLY_")).toList();
    }

    private static List<String> allKindsFor(String token, UUID item) {
        return as(token).queryParam("item", item.toString()).queryParam("size", 100).queryParam("sort", "id,asc")
                .get("/api/v1/notifications").then().statusCode(200).extract().path("items.code");
    }

    @Test
    void assignmentReachesTheUnitsWithTheReminderDueAndEachAlertOnlyOnce() throws Exception {
        UUID issue = UUID.randomUUID();
        String lead = "NZQ";
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ProgrammeClock.ZONE), 3);
        ObjectNode assigned = EventFixtures.event("issue.assigned.json", issue,
                Map.of("leadUnit", lead, "cooperatingUnits", List.of("LBX"), "deadline", deadline.toString()));
        send("rectification.issues", assigned);
        send("rectification.issues", assigned); // redelivered
        String leadToken = TestTokens.unit(lead);
        await().atMost(Duration.ofSeconds(30)).until(() -> kindsFor(leadToken, issue).size() == 2);
        assertEquals(List.of("ASSIGNED", "REMINDER_3"), kindsFor(leadToken, issue));
        assertEquals(List.of("ASSIGNED", "REMINDER_3"), kindsFor(TestTokens.unit("LBX"), issue));
        assertEquals(List.of(), kindsFor(TestTokens.unit("YX"), issue), "other units see nothing");

        // The scan runs again (also on another instance): nothing new. A day later the 1-day reminder.
        rules.scan(LocalDate.now(ProgrammeClock.ZONE));
        rules.scan(LocalDate.now(ProgrammeClock.ZONE));
        assertEquals(List.of("ASSIGNED", "REMINDER_3"), kindsFor(leadToken, issue));
        rules.scan(calendar.addWorkingDays(deadline, -1));
        rules.scan(calendar.addWorkingDays(deadline, -1));
        assertEquals(List.of("ASSIGNED", "REMINDER_3", "REMINDER_1"), kindsFor(leadToken, issue));

        // The deadline moves: reminders follow the new one. Then sign-off stops them.
        LocalDate later = calendar.addWorkingDays(LocalDate.now(ProgrammeClock.ZONE), 20);
        send("rectification.issues", EventFixtures.event("issue.deadline-changed.json", issue,
                Map.of("leadUnit", lead, "cooperatingUnits", List.of("LBX"), "deadline", later.toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            rules.scan(calendar.addWorkingDays(later, -2));
            return kindsFor(leadToken, issue).contains("REMINDER_3");
        });
        assertEquals(2, kindsFor(leadToken, issue).stream().filter("REMINDER_3"::equals).count(),
                "one 3-day reminder per deadline");
        send("rectification.issues", EventFixtures.event("issue.signed-off.json", issue,
                Map.of("leadUnit", lead, "cooperatingUnits", List.of("LBX"), "deadline", later.toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> kindsFor(leadToken, issue).contains("SIGNED_OFF"));
        rules.scan(calendar.addWorkingDays(later, -1));
        rules.scan(later);
        assertEquals(List.of("ASSIGNED", "REMINDER_3", "REMINDER_1", "DEADLINE_CHANGED", "REMINDER_3", "SIGNED_OFF"),
                kindsFor(leadToken, issue),
                "no reminder after sign-off");

        // Alerts went to rectification.alerts once each.
        List<String> alerts = TopicReader.valuesWithKey(kafka.bootstrapServers(), "rectification.alerts", issue.toString(),
                Duration.ofSeconds(3));
        assertEquals(3, alerts.size(), alerts.toString());
    }

    @Test
    void overdueAlertsTheLeadUnitAndOfficeThenEscalates() throws Exception {
        UUID issue = UUID.randomUUID();
        LocalDate deadline = LocalDate.now(ProgrammeClock.ZONE).minusDays(1);
        send("rectification.issues", EventFixtures.event("issue.overdue.json", issue,
                Map.of("leadUnit", "CGX", "cooperatingUnits", List.of(), "deadline", deadline.toString())));
        String office = TestTokens.office();
        await().atMost(Duration.ofSeconds(30)).until(() -> kindsFor(office, issue).contains("OVERDUE"));
        assertEquals(List.of("OVERDUE"), kindsFor(TestTokens.unit("CGX"), issue));
        rules.scan(deadline.plusDays(8));
        rules.scan(deadline.plusDays(31));
        rules.scan(deadline.plusDays(32));
        assertEquals(List.of("OVERDUE", "ESCALATION_7", "ESCALATION_30"), kindsFor(office, issue));
        assertEquals(List.of("ESCALATION_7", "ESCALATION_30"), kindsFor(TestTokens.role("leader"), issue));
    }

    @Test
    void accountabilityProposalsReachOfficeAndDiscipline() throws Exception {
        UUID c = UUID.randomUUID();
        send("rectification.accountability", EventFixtures.event("accountability.case-proposed.json", c, Map.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> kindsFor(TestTokens.role("discipline"), c).size() == 1);
        assertEquals(List.of("ACCOUNTABILITY_PROPOSED"), kindsFor(TestTokens.office(), c));
    }

    @Test
    void monthlyDispatchRemindsThoseWhoHaveNotReportedAndTellsTheOfficeAfterwards() throws Exception {
        UUID reporting = UUID.randomUUID();
        UUID silent = UUID.randomUUID();
        for (UUID item : List.of(reporting, silent)) {
            send("rectification.issues", EventFixtures.event("issue.assigned.json", item,
                    Map.of("leadUnit", "XXX", "cooperatingUnits", List.of(), "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(200).toString(),
                            "status", "IN_PROGRESS")));
        }
        YearMonth next = YearMonth.now(ProgrammeClock.ZONE).plusMonths(1);
        send("rectification.issues", EventFixtures.event("issue.progress-reported.json", reporting,
                Map.of("leadUnit", "XXX", "cooperatingUnits", List.of(), "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(200).toString(),
                        "period", next.toString())));
        String unit = TestTokens.unit("XXX");
        await().atMost(Duration.ofSeconds(30)).until(() -> !allKindsFor(unit, silent).isEmpty() && !allKindsFor(unit, reporting).isEmpty());
        // The report for next month has been applied: the dispatch list of that month shows it.
        await().atMost(Duration.ofSeconds(30)).until(() -> as(TestTokens.office()).get("/api/v1/monthly-dispatch/" + next)
                .then().statusCode(200).extract().<List<Boolean>>path("units.find { it.leadUnit == 'XXX' }.issues.findAll { it.issueId == '"
                + reporting + "' }.reported"), r -> r != null && r.contains(true));

        // On the 25th of next month: only the issue without a report for that month is reminded, once.
        rules.scan(next.atDay(25));
        rules.scan(next.atDay(26));
        assertEquals(1, allKindsFor(unit, silent).stream().filter("MONTHLY_REPORT_DUE"::equals).count());
        assertTrue(allKindsFor(unit, reporting).stream().noneMatch("MONTHLY_REPORT_DUE"::equals));
        // After that month: the office learns who did not report.
        rules.scan(next.plusMonths(1).atDay(2));
        assertTrue(allKindsFor(TestTokens.office(), silent).contains("MONTHLY_REPORT_MISSING"));
        assertTrue(allKindsFor(TestTokens.office(), reporting).stream().noneMatch("MONTHLY_REPORT_MISSING"::equals));

        // The list the office reads out: XXX reported for the one issue, not for the other; also as XLSX.
        as(TestTokens.office()).get("/api/v1/monthly-dispatch/" + next).then().statusCode(200)
                .body("units.find { it.leadUnit == 'XXX' }.issues.find { it.issueId == '" + silent + "' }.reported", equalTo(false))
                .body("units.find { it.leadUnit == 'XXX' }.issues.find { it.issueId == '" + reporting + "' }.reported", equalTo(true));
        byte[] xlsx = as(TestTokens.office()).queryParam("format", "xlsx").get("/api/v1/monthly-dispatch/" + next).then()
                .statusCode(200).contentType(Spreadsheets.XLSX).extract().asByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var rows = wb.getFirstSheet().read();
            assertEquals("牵头单位", rows.get(0).getCellText(0));
            assertTrue(rows.stream().anyMatch(r -> "XXX".equals(r.getCellText(0)) && "否".equals(r.getCellText(4))));
        }
        as(TestTokens.unit("XXX")).get("/api/v1/monthly-dispatch/" + next).then().statusCode(403);
        as(TestTokens.office()).get("/api/v1/monthly-dispatch/2026-13").then().statusCode(400)
                .body("violations[0].field", equalTo("period"));
    }

    @Test
    void readMarksAndUnreadCount() throws Exception {
        UUID issue = UUID.randomUUID();
        send("rectification.issues", EventFixtures.event("issue.assigned.json", issue,
                Map.of("leadUnit", "FPX", "cooperatingUnits", List.of(), "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(90).toString())));
        String token = TestTokens.unit("FPX");
        await().atMost(Duration.ofSeconds(30)).until(() -> !kindsFor(token, issue).isEmpty());
        long unread = ((Number) as(token).get("/api/v1/notifications/unread-count").then().extract().path("unread")).longValue();
        assertTrue(unread >= 1);
        Number id = as(token).queryParam("item", issue.toString()).get("/api/v1/notifications").then().extract().path("items[0].id");
        as(token).post("/api/v1/notifications/" + id + "/read").then().statusCode(200).body("read", equalTo(true));
        as(TestTokens.unit("YX")).post("/api/v1/notifications/" + id + "/read").then().statusCode(404);
        as(token).queryParam("unread", "true").queryParam("item", issue.toString()).get("/api/v1/notifications").then()
                .body("totalItems", equalTo(0));
        as(token).post("/api/v1/notifications/read-all").then().statusCode(200);
        as(token).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
        given().get("/api/v1/notifications").then().statusCode(401);
        as(TestTokens.role("province")).get("/api/v1/notifications").then().statusCode(403);
    }

    @Test
    void streamResumesFromLastEventIdWithoutGapOrDuplicate() throws Exception {
        String unit = "ZBX";
        String token = TestTokens.unit(unit);
        UUID first = UUID.randomUUID();
        send("rectification.issues", EventFixtures.event("issue.assigned.json", first,
                Map.of("leadUnit", unit, "cooperatingUnits", List.of(), "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(90).toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> !kindsFor(token, first).isEmpty());
        Number lastSeen = as(token).queryParam("sort", "id,desc").get("/api/v1/notifications").then().extract().path("items[0].id");

        // While disconnected, two more notices arrive; resuming from the last id delivers exactly those.
        List<UUID> missed = List.of(UUID.randomUUID(), UUID.randomUUID());
        for (UUID item : missed) {
            send("rectification.issues", EventFixtures.event("issue.assigned.json", item,
                    Map.of("leadUnit", unit, "cooperatingUnits", List.of(), "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(90).toString())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> missed.stream().allMatch(i -> !kindsFor(token, i).isEmpty()));

        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(stream.toURI()).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").header("Last-Event-ID", lastSeen.toString()).build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        List<String> ids = new ArrayList<>();
        List<String> data = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null && ids.size() < 2) {
                    if (line.startsWith("id:")) {
                        ids.add(line.substring(3).strip());
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reading.get(30, TimeUnit.SECONDS);
        response.body().close();
        assertEquals(2, ids.size());
        assertTrue(Long.parseLong(ids.get(0)) > lastSeen.longValue(), "nothing at or before Last-Event-ID");
        assertTrue(Long.parseLong(ids.get(1)) > Long.parseLong(ids.get(0)), "in order, no duplicate");
        assertTrue(data.get(0).contains(missed.get(0).toString()) || data.get(0).contains(missed.get(1).toString()), data.toString());
    }
}
