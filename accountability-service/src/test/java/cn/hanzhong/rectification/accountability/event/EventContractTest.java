package cn.hanzhong.rectification.accountability.event;

import cn.hanzhong.rectification.accountability.domain.CaseSource;
import cn.hanzhong.rectification.accountability.domain.CaseStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared fixture in deploy/contracts/events matches the payload record this service publishes. */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void proposed() throws Exception {
        var payload = new CaseEvents.CaseProposed(new CaseEvents.CaseFacts(UUID.randomUUID(), "WZ-2022-0001",
                CaseSource.OVERDUE_RECTIFICATION, CaseStatus.PROPOSED, List.of(), List.of(), List.of("SSTHJJ")), "s");
        JsonNode fixture = JSON.readTree(Path.of("..", "deploy", "contracts", "events", "accountability.case-proposed.json").toFile());
        assertEquals(names(JSON.valueToTree(payload)), names(fixture.get("data")));
    }

    private static TreeSet<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return new TreeSet<>(names);
    }
}
