package cn.hanzhong.rectification.notification.event;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.hanzhong.rectification.platform.testing.EventContracts.assertMatchesFixture;

/** The shared fixture in deploy/contracts/events has the shape of what this service publishes on rectification.alerts. */
class EventContractTest {

    @Test
    void alertPayloadHasTheShapeOfItsFixture() {
        assertMatchesFixture("alert.raised.json", new AlertRaised("REMINDER_3", "ISSUE", UUID.randomUUID(), "FK-001", "t",
                LocalDate.now(), List.of("SSTHJJ")));
    }
}
