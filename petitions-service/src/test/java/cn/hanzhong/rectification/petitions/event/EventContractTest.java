package cn.hanzhong.rectification.petitions.event;

import cn.hanzhong.rectification.petitions.domain.Completion;
import cn.hanzhong.rectification.petitions.domain.District;
import cn.hanzhong.rectification.petitions.domain.Finding;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.hanzhong.rectification.platform.testing.EventContracts.assertMatchesFixture;

/** The shared fixture in deploy/contracts/events has the shape (names and JSON types) of the payload this service publishes. */
class EventContractTest {

    @Test
    void concludedPayloadHasTheShapeOfItsFixture() {
        var facts = new PetitionEvents.PetitionFacts(UUID.randomUUID(), "X1", 1, District.HTQ, List.of("WATER"), false,
                "HTQ", List.of(), LocalDate.now(ProgrammeClock.ZONE), false, PetitionStatus.CONCLUDED);
        var payload = new PetitionEvents.PetitionConcluded(facts, Finding.TRUE, Completion.DONE, 1, 1,
                BigDecimal.TEN, 0, 0, 1, 2);
        assertMatchesFixture("petition.concluded.json", payload);
    }

    @Test
    void statsPublishedPayloadHasTheShapeOfItsFixture() {
        cn.hanzhong.rectification.platform.testing.EventContracts.assertReadsAndWritesAs("petition.stats-published.json", cn.hanzhong.rectification.petitions.service.StatsPublication.StatsPublished.class);
    }

    @Test
    void everyOtherPublishedTypeHasTheShapeOfItsFixture() {
        var facts = new PetitionEvents.PetitionFacts(UUID.randomUUID(), "X1", 1, District.HTQ, List.of("WATER"), false,
                "HTQ", List.of(), LocalDate.now(ProgrammeClock.ZONE), false, PetitionStatus.INVESTIGATING);
        LocalDate d = LocalDate.now(ProgrammeClock.ZONE);
        assertMatchesFixture("petition.received.json", new PetitionEvents.PetitionReceived(facts, d));
        assertMatchesFixture("petition.assigned.json", new PetitionEvents.PetitionAssigned(facts, "15 working days"));
        assertMatchesFixture("petition.status-changed.json", new PetitionEvents.PetitionStatusChanged(facts, PetitionStatus.CONCLUDED,
                PetitionStatus.INVESTIGATING, "RETURN", "SZGB", "r"));
        assertMatchesFixture("petition.reopened.json", new PetitionEvents.PetitionReopened(facts, "LOOK_BACK", 1));
        assertMatchesFixture("petition.deadline-changed.json", new PetitionEvents.PetitionDeadlineChanged(facts, d, d, "r"));
        assertMatchesFixture("petition.overdue.json", new PetitionEvents.PetitionOverdue(facts, d));
        assertMatchesFixture("petition.reconciliation-completed.json",
                new PetitionEvents.ReconciliationCompleted(UUID.randomUUID(), "file", 1, 1, 0, 1, 0, true));
    }
}
