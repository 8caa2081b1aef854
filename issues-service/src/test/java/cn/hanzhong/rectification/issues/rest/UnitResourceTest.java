package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.IssueApi.as;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.transition;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class UnitResourceTest {

    @Test
    void theDirectoryHoldsThePlansUnits() {
        as(TestTokens.role("discipline")).queryParam("kind", "COUNTY_DISTRICT").queryParam("size", 50)
                .get("/api/v1/units").then().statusCode(200)
                .body("totalItems", equalTo(11))
                .body("items.name", hasItems("汉台区", "南郑区", "城固县", "洋县", "西乡县", "勉县", "宁强县", "略阳县",
                        "镇巴县", "留坝县", "佛坪县"));
        unit("HTQ").queryParam("kind", "MANAGEMENT_COMMITTEE").get("/api/v1/units").then()
                .body("totalItems", equalTo(3));
        office().queryParam("q", "生态环境局").get("/api/v1/units").then().body("items[0].code", equalTo("SSTHJJ"));
        office().get("/api/v1/units/SZGB").then().body("kind", equalTo("OFFICE")).body("kindLabel", equalTo("整改办"));
        office().get("/api/v1/units/NOPE").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/v1/units").then().statusCode(401);
    }

    @Test
    void officeAddsAndDeactivatesUnits() {
        office().body(Map.of("code", "SGAJ", "name", "市公安局", "kind", "CITY_DEPARTMENT"))
                .post("/api/v1/units").then().statusCode(201).body("active", equalTo(true));
        office().body(Map.of("code", "SGAJ", "name", "市公安局2", "kind", "CITY_DEPARTMENT"))
                .post("/api/v1/units").then().statusCode(409);
        office().body(Map.of("code", "bad code", "name", "x", "kind", "CITY_DEPARTMENT"))
                .post("/api/v1/units").then().statusCode(400).body("violations[0].field", equalTo("code"));
        unit("HTQ").body(Map.of("code", "SX1", "name", "x", "kind", "CITY_DEPARTMENT"))
                .post("/api/v1/units").then().statusCode(403);

        office().post("/api/v1/units/SGAJ/deactivation").then().statusCode(200).body("active", equalTo(false));
        String id = IssueApi.register(IssueApi.unique("停用单位"));
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", "SGAJ",
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(5).toString()))
                .statusCode(400).body("violations[0].message", equalTo("unit SGAJ is deactivated"));
        office().post("/api/v1/units/SGAJ/activation").then().statusCode(200).body("active", equalTo(true));
    }
}
