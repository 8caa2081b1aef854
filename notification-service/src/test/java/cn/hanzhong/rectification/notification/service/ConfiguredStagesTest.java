package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.config.RuleSettings;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reminder thresholds and escalation steps are any lists from config, end to end. */
@QuarkusTest
@TestProfile(ConfiguredStagesTest.OtherStages.class)
@WithTestResource(RealInfrastructure.class)
class ConfiguredStagesTest {

    /** Reminders at 10, 5, 2 and 0 working days; escalations 3, 10 and 20 days after the deadline. */
    public static class OtherStages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.reminder-days", "10,5,2,0", "notification.escalation-days", "3,10,20");
        }
    }

    @InjectKafka
    LocalKafka kafka;

    @Inject
    Rules rules;

    @Inject
    WorkingDayCalendar calendar;

    private static List<String> codes(String token, UUID item) {
        return given().auth().oauth2(token).queryParam("item", item.toString()).queryParam("sort", "id,asc").queryParam("size", 100)
                .get("/api/v1/notifications").then().statusCode(200).extract().path("items.code");
    }

    @Test
    void remindersAt10_5_2_0AndEscalationsAt3_10_20() throws Exception {
        UUID issue = UUID.randomUUID();
        LocalDate today = LocalDate.now(ProgrammeClock.ZONE);
        LocalDate deadline = calendar.addWorkingDays(today, 12);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event("issue.assigned.json", issue,
                Map.of("leadUnit", "CGX", "cooperatingUnits", List.of(), "deadline", deadline.toString())));
        String unit = TestTokens.unit("CGX");
        await().atMost(Duration.ofSeconds(30)).until(() -> codes(unit, issue).contains("ASSIGNED"));
        for (int left : List.of(10, 9, 5, 4, 2, 1, 0)) {
            rules.scan(calendar.addWorkingDays(deadline, -left));
        }
        assertEquals(List.of("ASSIGNED", "REMINDER_10", "REMINDER_5", "REMINDER_2", "DUE_TODAY"),
                codes(unit, issue).stream().filter(c -> !c.startsWith("MONTHLY_")).toList());

        for (int late : List.of(2, 3, 4, 10, 15, 20, 25)) {
            rules.scan(deadline.plusDays(late));
        }
        List<String> office = codes(TestTokens.office(), issue).stream().filter(c -> c.startsWith("ESCALATION")).toList();
        assertEquals(List.of("ESCALATION_3", "ESCALATION_10", "ESCALATION_20"), office);
        given().auth().oauth2(TestTokens.office()).queryParam("item", issue.toString()).get("/api/v1/notifications").then()
                .body("items.kindLabel", org.hamcrest.Matchers.hasItem("逾期20天督办"));
    }

    @Test
    void settingsThatMakeNoSenseAreRefusedNamingTheSetting() {
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> RuleSettings.validate(List.of(3, 3), List.of(7)));
        assertTrue(twice.getMessage().contains("notification.reminder-days"), twice.getMessage());
        IllegalStateException negative = assertThrows(IllegalStateException.class, () -> RuleSettings.validate(List.of(3), List.of(0)));
        assertTrue(negative.getMessage().contains("notification.escalation-days"), negative.getMessage());
        assertThrows(IllegalStateException.class, () -> RuleSettings.validate(List.of(), List.of(7)));
        RuleSettings.validate(List.of(10, 5, 2, 0), List.of(3, 10, 20));
    }
}
