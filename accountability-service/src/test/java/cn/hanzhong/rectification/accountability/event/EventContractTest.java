package cn.hanzhong.rectification.accountability.event;

import cn.hanzhong.rectification.accountability.domain.CaseSource;
import cn.hanzhong.rectification.accountability.domain.CaseStatus;
import cn.hanzhong.rectification.accountability.domain.ReviewOutcome;
import cn.hanzhong.rectification.accountability.domain.Sanction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static cn.hanzhong.rectification.platform.testing.EventContracts.assertMatchesFixture;

/** The shared fixture in deploy/contracts/events has the shape (names and JSON types) of the payload this service publishes. */
class EventContractTest {

    @Test
    void proposedPayloadHasTheShapeOfItsFixture() {
        var payload = new CaseEvents.CaseProposed(new CaseEvents.CaseFacts(UUID.randomUUID(), "WZ-2022-0001",
                CaseSource.OVERDUE_RECTIFICATION, CaseStatus.PROPOSED, List.of(), List.of(), List.of("SSTHJJ")), "s");
        assertMatchesFixture("accountability.case-proposed.json", payload);
    }

    @Test
    void amendedPayloadHasTheShapeOfItsFixture() {
        var payload = new CaseEvents.CaseAmended(new CaseEvents.CaseFacts(UUID.randomUUID(), "WZ-2022-0001",
                CaseSource.OVERDUE_RECTIFICATION, CaseStatus.INVESTIGATING, List.of(UUID.randomUUID()),
                List.of(UUID.randomUUID()), List.of("SSTHJJ")));
        assertMatchesFixture("accountability.case-amended.json", payload);
    }

    @Test
    void reviewedPayloadHasTheShapeOfItsFixture() {
        var payload = new CaseEvents.CaseReviewed(new CaseEvents.CaseFacts(UUID.randomUUID(), "WZ-2022-0001",
                CaseSource.OVERDUE_RECTIFICATION, CaseStatus.DECIDED, List.of(), List.of(), List.of("SSTHJJ")),
                UUID.randomUUID(), ReviewOutcome.CHANGED, Sanction.ADMONISHMENT_TALK, Sanction.PARTY_WARNING,
                List.of(Sanction.PARTY_WARNING));
        assertMatchesFixture("accountability.case-reviewed.json", payload);
    }

    @Test
    void statsPublishedPayloadHasTheShapeOfItsFixture() {
        cn.hanzhong.rectification.platform.testing.EventContracts.assertReadsAndWritesAs("accountability.stats-published.json", cn.hanzhong.rectification.accountability.service.StatsPublication.StatsPublished.class);
    }

    @Test
    void everyOtherPublishedTypeHasTheShapeOfItsFixture() {
        var facts = new CaseEvents.CaseFacts(UUID.randomUUID(), "WZ-2022-0001", CaseSource.OVERDUE_RECTIFICATION, CaseStatus.OPENED,
                List.of(UUID.randomUUID()), List.of(UUID.randomUUID()), List.of("SSTHJJ"));
        assertMatchesFixture("accountability.case-opened.json", new CaseEvents.CaseOpened(facts));
        assertMatchesFixture("accountability.case-closed.json", new CaseEvents.CaseClosed(facts));
        assertMatchesFixture("accountability.case-decided.json", new CaseEvents.CaseDecided(facts, List.of(Sanction.ADMONISHMENT_TALK)));
    }
}
