package cn.hanzhong.rectification.issues.event;

import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.ResponsibleOfficial;
import cn.hanzhong.rectification.issues.domain.UnitKind;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.hanzhong.rectification.platform.testing.EventContracts.assertMatchesFixture;

/** The shared fixtures in deploy/contracts/events have the shape (names and JSON types) of the payloads this service publishes. */
class EventContractTest {

    private static final IssueFacts FACTS = new IssueFacts(UUID.randomUUID(), "FK-001", "t", Category.AIR,
            IssueSource.REPORT, "SSTHJJ", List.of("HTQ"), LocalDate.now(ProgrammeClock.ZONE), false, IssueStatus.IN_PROGRESS, 40, 2,
            List.of(new ResponsibleOfficial("王某", "市生态环境局局长")));

    private static final OrderEvents.OrderFacts ORDER = new OrderEvents.OrderFacts(UUID.randomUUID(), "汉整改督〔2021〕3号",
            cn.hanzhong.rectification.issues.domain.SupervisionLevel.KEY, "SSTHJJ", List.of(UUID.randomUUID()),
            cn.hanzhong.rectification.issues.domain.OrderStatus.ISSUED, LocalDate.now(ProgrammeClock.ZONE), 0);

    @Test
    void supervisionOrderPayloadsHaveTheShapeOfTheirFixtures() {
        assertMatchesFixture("supervision-order.issued.json", new OrderEvents.OrderChanged(ORDER));
        assertMatchesFixture("supervision-order.overdue.json", new OrderEvents.OrderOverdue(ORDER, LocalDate.now(ProgrammeClock.ZONE)));
    }

    @Test
    void overduePayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("issue.overdue.json", new IssueEvents.IssueOverdue(FACTS, LocalDate.now(ProgrammeClock.ZONE)));
    }

    @Test
    void statusChangedPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("issue.status-changed.reject.json", new IssueEvents.IssueStatusChanged(FACTS, IssueStatus.ACCEPTANCE_REQUESTED,
                IssueStatus.IN_PROGRESS, IssueAction.REJECT, null, "r"));
    }

    @Test
    void assignedPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("issue.assigned.json", new IssueEvents.IssueAssigned(FACTS, LocalDate.now(ProgrammeClock.ZONE), "r"));
    }

    @Test
    void deadlineChangedPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("issue.deadline-changed.json", new IssueEvents.IssueDeadlineChanged(FACTS, LocalDate.now(ProgrammeClock.ZONE), LocalDate.now(ProgrammeClock.ZONE), "r"));
    }

    @Test
    void signedOffPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("issue.signed-off.json", new IssueEvents.IssueSignedOff(FACTS, "a", LocalDate.now(ProgrammeClock.ZONE), true));
    }

    @Test
    void progressReportedPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("issue.progress-reported.json", new IssueEvents.IssueProgressReported(FACTS, "2021-10", 40));
    }

    @Test
    void reopenedPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("issue.reopened.json", new IssueEvents.IssueReopened(FACTS, "r",
                cn.hanzhong.rectification.issues.domain.IssueAction.LOOK_BACK_RECURRED));
    }

    @Test
    void implementationPlanPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("implementation-plan.submitted.json", new cn.hanzhong.rectification.issues.event.PlanEvents.PlanFacts(
                UUID.randomUUID(), "HTQ", "p", LocalDate.now(ProgrammeClock.ZONE),
                cn.hanzhong.rectification.issues.domain.PlanStatus.SUBMITTED, 1, "t", "n"));
    }

    @Test
    void reconciliationPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("reconciliation.completed.json", new cn.hanzhong.rectification.issues.event.ReconciliationEvents.Completed(
                UUID.randomUUID(), "s", 1, 1, 0, 1, 0, true));
    }

    @Test
    void paperRectificationPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("issue.paper-rectification-found.json", new IssueEvents.IssuePaperRectificationFound(FACTS,
                UUID.randomUUID(), UUID.randomUUID(), "SZGB", LocalDate.now(ProgrammeClock.ZONE), "f"));
    }

    @Test
    void extensionRequestedPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("issue.extension-requested.json", new IssueEvents.IssueExtensionRequested(FACTS, UUID.randomUUID(), LocalDate.now(ProgrammeClock.ZONE), "r"));
    }

    @Test
    void extensionDecidedPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("issue.extension-decided.json", new IssueEvents.IssueExtensionDecided(FACTS, UUID.randomUUID(), "APPROVED", LocalDate.now(ProgrammeClock.ZONE), "n"));
    }

    @Test
    void calendarUpdatedPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("calendar.updated.json", new CalendarEvents.CalendarUpdated(2027,
                List.of(LocalDate.of(2027, 1, 1)), List.of(LocalDate.of(2027, 2, 13)), "s"));
    }

    @Test
    void unitRegisteredPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("unit.registered.json", new UnitEvents.UnitFacts("HTQ", "汉台区", UnitKind.COUNTY_DISTRICT, true));
    }

    @Test
    void statsPublishedPayloadHasTheShapeOfItsFixture() {
        cn.hanzhong.rectification.platform.testing.EventContracts.assertReadsAndWritesAs("issue.stats-published.json", cn.hanzhong.rectification.issues.service.StatsPublication.StatsPublished.class);
    }

    @Test
    void everyOtherPublishedTypeHasTheShapeOfItsFixture() {
        assertMatchesFixture("issue.registered.json", new IssueEvents.IssueRegistered(FACTS, "SX-1"));
        var plan = new cn.hanzhong.rectification.issues.event.PlanEvents.PlanFacts(UUID.randomUUID(), "HTQ", "p",
                LocalDate.now(ProgrammeClock.ZONE), cn.hanzhong.rectification.issues.domain.PlanStatus.SUBMITTED, 1, "t", "n");
        for (String t : List.of("required", "accepted", "returned", "overdue")) {
            assertMatchesFixture("implementation-plan." + t + ".json", plan);
        }
        assertMatchesFixture("unit.changed.json", new UnitEvents.UnitFacts("HTQ", "汉台区", UnitKind.COUNTY_DISTRICT, false));
        for (String t : List.of("responded", "returned", "closed", "withdrawn")) {
            assertMatchesFixture("supervision-order." + t + ".json", new OrderEvents.OrderChanged(ORDER));
        }
    }
}
