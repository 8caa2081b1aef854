package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The units directory goes out as events: the seeded units once, and every unit created or (de)activated. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class UnitEventsTest {

    @InjectKafka
    LocalKafka kafka;

    @Inject
    ObjectMapper mapper;

    @Test
    void theSeededDirectoryIsAnnouncedOnceAndEachChangeIsPublished() throws Exception {
        List<JsonNode> seeded = await().atMost(Duration.ofSeconds(30)).until(() -> events("HTQ"), e -> !e.isEmpty());
        assertEquals(1, seeded.size(), seeded.toString());
        assertEquals("unit.registered", seeded.get(0).get("type").asText());
        assertEquals("COUNTY_DISTRICT", seeded.get(0).get("data").get("kind").asText());
        assertEquals("汉台区", seeded.get(0).get("data").get("name").asText());

        String code = "UE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "X");
        office().body(Map.of("code", code, "name", "单位事件测试局 " + code, "kind", "CITY_DEPARTMENT"))
                .post("/api/v1/units").then().statusCode(201);
        office().post("/api/v1/units/" + code + "/deactivation").then().statusCode(200);
        office().post("/api/v1/units/" + code + "/deactivation").then().statusCode(200); // already inactive: no event
        List<JsonNode> own = await().atMost(Duration.ofSeconds(30)).until(() -> events(code), e -> e.size() >= 2);
        assertEquals(List.of("unit.registered", "unit.changed"), own.stream().map(e -> e.get("type").asText()).toList());
        assertEquals(false, own.get(1).get("data").get("active").asBoolean());
        assertEquals("CITY_DEPARTMENT", own.get(0).get("data").get("kind").asText());
    }

    private List<JsonNode> events(String key) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String v : TopicReader.valuesWithKey(kafka.bootstrapServers(), "rectification.issues", key, Duration.ofSeconds(3))) {
            JsonNode e = mapper.readTree(v);
            if (e.get("type").asText().startsWith("unit.")) {
                out.add(e);
            }
        }
        return out;
    }
}
