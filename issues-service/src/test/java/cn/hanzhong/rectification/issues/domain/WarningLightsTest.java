package cn.hanzhong.rectification.issues.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WarningLightsTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 11, 15);
    private static final LocalDate BLUE_LIMIT = TODAY.plusDays(7);

    private static WarningLight light(IssueStatus s, LocalDate deadline, LocalDate behindFrom) {
        return WarningLights.of(s, deadline, behindFrom, TODAY, BLUE_LIMIT);
    }

    @Test
    void overdueIsRedWhateverElse() {
        assertEquals(WarningLight.RED, light(IssueStatus.IN_PROGRESS, TODAY.minusDays(1), TODAY.minusDays(30)));
        assertEquals(WarningLight.RED, light(IssueStatus.ACCEPTANCE_REQUESTED, TODAY.minusDays(1), null));
    }

    @Test
    void dueTodayIsNotYetOverdue() {
        assertEquals(WarningLight.BLUE, light(IssueStatus.IN_PROGRESS, TODAY, null));
    }

    @Test
    void behindPlanIsYellowEvenNearTheDeadline() {
        assertEquals(WarningLight.YELLOW, light(IssueStatus.IN_PROGRESS, TODAY.plusDays(3), TODAY));
        assertEquals(WarningLight.YELLOW, light(IssueStatus.IN_PROGRESS, TODAY.plusDays(60), TODAY.minusDays(5)));
    }

    @Test
    void nearDeadlineIsBlueOnTrackIsGreen() {
        assertEquals(WarningLight.BLUE, light(IssueStatus.IN_PROGRESS, BLUE_LIMIT, TODAY.plusDays(1)));
        assertEquals(WarningLight.GREEN, light(IssueStatus.IN_PROGRESS, BLUE_LIMIT.plusDays(1), null));
        assertEquals(WarningLight.GREEN, light(IssueStatus.REGISTERED, null, null));
    }

    @Test
    void closedIssuesAreGreen() {
        assertEquals(WarningLight.GREEN, light(IssueStatus.SIGNED_OFF, TODAY.minusDays(10), TODAY.minusDays(20)));
        assertEquals(WarningLight.GREEN, light(IssueStatus.CANCELLED, TODAY.minusDays(10), null));
    }

    @Test
    void behindFromFollowsElapsedTimeAgainstProgress() {
        LocalDate assigned = LocalDate.of(2021, 10, 1);
        LocalDate deadline = assigned.plusDays(100);
        // 0% done: behind once more than 20% of the time has passed.
        assertEquals(assigned.plusDays(21), Issue.behindFrom(assigned, deadline, 0));
        // 50% done: behind after 70% of the time.
        assertEquals(assigned.plusDays(71), Issue.behindFrom(assigned, deadline, 50));
        // 80% done or more: never behind before the deadline.
        assertEquals(assigned.plusDays(101), Issue.behindFrom(assigned, deadline, 80));
        assertNull(Issue.behindFrom(assigned, deadline, 100));
        assertNull(Issue.behindFrom(null, deadline, 0));
    }
}
