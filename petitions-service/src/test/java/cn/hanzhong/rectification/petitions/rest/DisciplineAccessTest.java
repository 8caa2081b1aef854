package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.petitions.ReporterKeyResource;
import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.hanzhong.rectification.petitions.rest.PetitionApi.office;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The discipline body reads a petition only while an accountability case names it, audited, with the
 * free text pseudonymised like every reader but the office, and never the reporter.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(ReporterKeyResource.class)
class DisciplineAccessTest {

    @InjectKafka
    LocalKafka kafka;

    private static RequestSpecification discipline() {
        return PetitionApi.as(TestTokens.builder().roles("discipline").subject("jw-2").sign());
    }

    @Test
    void readsOnlyThePetitionsACaseNames() throws Exception {
        String named = PetitionApi.received("举报人李四反映：某化工厂夜间偷排，联系电话13712345678");
        String other = PetitionApi.received("某餐馆油烟扰民");
        discipline().get("/api/v1/petitions/" + named).then().statusCode(404);

        UUID caseId = UUID.randomUUID();
        EventFixtures.send(kafka.bootstrapServers(), "rectification.accountability",
                EventFixtures.event("accountability.case-amended.json", caseId, Map.of("relatedPetitions", List.of(named))));
        await().atMost(Duration.ofSeconds(30)).until(() -> discipline().get("/api/v1/petitions/" + named).then().extract().statusCode() == 200);
        discipline().get("/api/v1/petitions/" + named).then().statusCode(200)
                .body("content", containsString("举报人李某某反映")).body("content", not(containsString("13712345678")))
                .body("reporter.name", equalTo("李*"));
        discipline().get("/api/v1/petitions/" + named + "/history").then().statusCode(200);
        discipline().get("/api/v1/petitions/" + other).then().statusCode(404);
        discipline().get("/api/v1/petitions").then().statusCode(403);
        discipline().body(Map.of("reason", "调查需要")).post("/api/v1/petitions/" + named + "/reporter/reveal").then().statusCode(403);
        discipline().body(Map.of("action", "CLOSE")).post("/api/v1/petitions/" + named + "/transitions").then().statusCode(403);

        office().queryParam("itemId", named).get("/api/v1/read-audits").then().statusCode(200)
                .body("items.find { it.outcome == 'ALLOWED' }.grantor", equalTo("accountability-case:" + caseId));
        office().queryParam("itemId", other).get("/api/v1/read-audits").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].outcome", equalTo("DENIED"));
    }
}
