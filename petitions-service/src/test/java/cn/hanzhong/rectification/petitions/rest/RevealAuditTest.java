package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.petitions.ReporterKeyResource;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** Every attempt to reveal a reporter is audited, the refused ones too, with the case number. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(ReporterKeyResource.class)
class RevealAuditTest {

    @Test
    void deniedRevealsLeaveARecordBesideTheAllowedOne() {
        String id = PetitionApi.investigating("审计测试：夜间施工噪声");
        String caseNumber = PetitionApi.office().get("/api/v1/petitions/" + id).then().extract().path("caseNumber");
        for (String token : List.of(TestTokens.unit(PetitionApi.LEAD), TestTokens.role("leader"),
                TestTokens.role("province"), TestTokens.role("discipline"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "想核实举报人"))
                    .post("/api/v1/petitions/" + id + "/reporter/reveal").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        PetitionApi.office().body(Map.of("reason", "核实举报人身份以便回访"))
                .post("/api/v1/petitions/" + id + "/reporter/reveal").then().statusCode(200);

        PetitionApi.office().queryParam("petitionId", id).queryParam("size", 50).get("/api/v1/petitions/reporter-reveals")
                .then().statusCode(200)
                .body("totalItems", equalTo(5))
                .body("items.outcome", containsInAnyOrder("DENIED", "DENIED", "DENIED", "DENIED", "ALLOWED"))
                .body("items.caseNumber", everyItem(equalTo(caseNumber)))
                .body("items.find { it.outcome == 'ALLOWED' }.reason", equalTo("核实举报人身份以便回访"))
                .body("items.findAll { it.outcome == 'DENIED' }.actorRoles", containsInAnyOrder("unit", "leader", "province",
                        "discipline"));
        given().auth().oauth2(TestTokens.unit(PetitionApi.LEAD)).get("/api/v1/petitions/reporter-reveals").then()
                .statusCode(403);
    }
}
