package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.service.StatsPublication;
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
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published figures are the stats endpoints' answers at that instant, published once per change. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class StatsPublicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafka
    LocalKafka kafka;

    @Inject
    StatsPublication publication;

    @Test
    void publishedOncePerChangeWithTheFiguresOfTheStatsEndpoints() throws Exception {
        publication.publishIfChanged();
        assertFalse(publication.publishIfChanged(), "unchanged figures are not published again");

        String id = office().body(IssueApi.newIssue("通报数据：发布后变化")).post("/api/v1/issues").then().statusCode(201)
                .extract().path("id");
        IssueApi.transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", IssueApi.LEAD, "deadlineWorkingDays", 10))
                .statusCode(200);
        assertTrue(publication.publishIfChanged(), "a new issue changes the figures");
        JsonNode stats = JSON.readTree(office().get("/api/v1/issues/stats").then().statusCode(200).extract().asString());
        JsonNode orders = JSON.readTree(office().get("/api/v1/supervision-orders/stats").then().statusCode(200).extract().asString());

        JsonNode published = await().atMost(Duration.ofSeconds(30)).until(() -> last(kafka), e -> e != null
                && e.at("/data/stats/total").asLong() == stats.at("/total").asLong());
        assertEquals("issue.stats-published", published.path("type").asText());
        assertEquals(stats, published.at("/data/stats"), "the bulletin's source is the stats endpoint's answer");
        assertEquals(orders, published.at("/data/supervisionOrders"));
        assertTrue(published.at("/data/units").findValuesAsText("code").contains(IssueApi.LEAD));
        assertFalse(published.toString().contains("responsibleOfficials"), "no person in the figures");
    }

    private static JsonNode last(LocalKafka kafka) throws Exception {
        List<String> values = TopicReader.valuesWithKey(kafka.bootstrapServers(), "rectification.issues", "stats", Duration.ofSeconds(1));
        return values.isEmpty() ? null : JSON.readTree(values.get(values.size() - 1));
    }
}
