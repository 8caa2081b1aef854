package cn.hanzhong.rectification.issues.event;

import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared fixtures in deploy/contracts/events match the payload records this service publishes. */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final IssueFacts FACTS = new IssueFacts(UUID.randomUUID(), "FK-001", "t", Category.AIR,
            IssueSource.REPORT, "SSTHJJ", List.of("HTQ"), LocalDate.now(ProgrammeClock.ZONE), IssueStatus.IN_PROGRESS, 40, 2);

    private static Set<String> fieldsOf(Object record) {
        return new TreeSet<>(iterable(JSON.valueToTree(record)));
    }

    private static Set<String> fixtureFields(String file) throws Exception {
        JsonNode fixture = JSON.readTree(Path.of("..", "deploy", "contracts", "events", file).toFile());
        return new TreeSet<>(iterable(fixture.get("data")));
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void overdue() throws Exception {
        assertEquals(fieldsOf(new IssueEvents.IssueOverdue(FACTS, LocalDate.now(ProgrammeClock.ZONE))), fixtureFields("issue.overdue.json"));
    }

    @Test
    void statusChanged() throws Exception {
        assertEquals(fieldsOf(new IssueEvents.IssueStatusChanged(FACTS, IssueStatus.ACCEPTANCE_REQUESTED,
                IssueStatus.IN_PROGRESS, IssueAction.REJECT, "SZGB", "r")), fixtureFields("issue.status-changed.reject.json"));
    }

    @Test
    void assigned() throws Exception {
        assertEquals(fieldsOf(new IssueEvents.IssueAssigned(FACTS, LocalDate.now(ProgrammeClock.ZONE), "r")), fixtureFields("issue.assigned.json"));
    }

    @Test
    void deadlineChanged() throws Exception {
        assertEquals(fieldsOf(new IssueEvents.IssueDeadlineChanged(FACTS, LocalDate.now(ProgrammeClock.ZONE), LocalDate.now(ProgrammeClock.ZONE), "r")),
                fixtureFields("issue.deadline-changed.json"));
    }

    @Test
    void signedOff() throws Exception {
        assertEquals(fieldsOf(new IssueEvents.IssueSignedOff(FACTS, "a", LocalDate.now(ProgrammeClock.ZONE), true)),
                fixtureFields("issue.signed-off.json"));
    }

    @Test
    void progressReported() throws Exception {
        assertEquals(fieldsOf(new IssueEvents.IssueProgressReported(FACTS, "2021-10", 40)),
                fixtureFields("issue.progress-reported.json"));
    }

    @Test
    void reopened() throws Exception {
        assertEquals(fieldsOf(new IssueEvents.IssueReopened(FACTS, "r")), fixtureFields("issue.reopened.json"));
    }

    @Test
    void extensionRequested() throws Exception {
        assertEquals(fieldsOf(new IssueEvents.IssueExtensionRequested(FACTS, UUID.randomUUID(), LocalDate.now(ProgrammeClock.ZONE), "r")),
                fixtureFields("issue.extension-requested.json"));
    }

    @Test
    void extensionDecided() throws Exception {
        assertEquals(fieldsOf(new IssueEvents.IssueExtensionDecided(FACTS, UUID.randomUUID(), "APPROVED", LocalDate.now(ProgrammeClock.ZONE), "n")),
                fixtureFields("issue.extension-decided.json"));
    }
}
