package cn.hanzhong.rectification.petitions.event;

import cn.hanzhong.rectification.petitions.domain.Completion;
import cn.hanzhong.rectification.petitions.domain.District;
import cn.hanzhong.rectification.petitions.domain.Finding;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared fixture in deploy/contracts/events matches the payload record this service publishes. */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void concluded() throws Exception {
        var facts = new PetitionEvents.PetitionFacts(UUID.randomUUID(), "X1", 1, District.HTQ, List.of("WATER"), false,
                "HTQ", List.of(), LocalDate.now(ProgrammeClock.ZONE), PetitionStatus.CONCLUDED);
        var payload = new PetitionEvents.PetitionConcluded(facts, Finding.TRUE, Completion.DONE, 1, 1,
                BigDecimal.TEN, 0, 0, 1, 2);
        JsonNode fixture = JSON.readTree(Path.of("..", "deploy", "contracts", "events", "petition.concluded.json").toFile());
        assertEquals(names(JSON.valueToTree(payload)), names(fixture.get("data")));
    }

    private static TreeSet<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return new TreeSet<>(names);
    }
}
