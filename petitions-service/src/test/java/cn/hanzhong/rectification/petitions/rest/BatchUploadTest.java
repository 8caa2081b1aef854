package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.petitions.ReporterKeyResource;
import cn.hanzhong.rectification.petitions.tables.Tables;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.hanzhong.rectification.petitions.rest.PetitionApi.office;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** CSV and XLSX intake with the Chinese headers of the forwarding tables. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(ReporterKeyResource.class)
class BatchUploadTest {

    private static final String HEADER = "受理编号,受理时间,来源渠道,重点件,举报人,联系电话,交办问题基本情况,地点,行政区域,污染类型";

    @Test
    void csvRowsWithLabelsAreImportedAndBadRowsReported() {
        int batch = PetitionApi.nextBatch();
        String a = PetitionApi.caseNumber();
        String b = PetitionApi.caseNumber();
        String csv = "\uFEFF" + HEADER + "\n"
                + a + ",2021-06-01,来电,是,王五,13811112222,某小区旁餐饮店油烟扰民,南郑区汉山街道,南郑区,油烟、噪声\n"
                + b + ",2021-06-02,网络,否,,,城固县某砖厂烟尘,城固县,城固县,大气\n"
                + PetitionApi.caseNumber() + ",2021-06-02,飞鸽,否,,,坏行,城固县,火星,大气\n";
        given().auth().oauth2(TestTokens.role("province")).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/petition-batches/" + batch + "/cases?receivedOn=2021-06-03")
                .then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(1))
                .body("rows[2].reasons.field", org.hamcrest.Matchers.hasItems("channel"));
        office().queryParam("batch", batch).queryParam("sort", "caseNumber,asc").get("/api/v1/petitions").then()
                .body("totalItems", equalTo(2))
                .body("items.find { it.caseNumber == '" + a + "' }.pollutionTypes", equalTo(List.of("COOKING_FUMES", "NOISE")))
                .body("items.find { it.caseNumber == '" + a + "' }.priority", equalTo(true))
                .body("items.find { it.caseNumber == '" + a + "' }.reporter.name", equalTo("王*"))
                .body("items.find { it.caseNumber == '" + b + "' }.reporter.anonymous", equalTo(true));
        // The same file again changes nothing.
        given().auth().oauth2(TestTokens.role("province")).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/petition-batches/" + batch + "/cases?receivedOn=2021-06-03")
                .then().statusCode(200).body("unchanged", equalTo(2)).body("created", equalTo(0));
    }

    @Test
    void xlsxUploadIsReadLikeCsv() {
        int batch = PetitionApi.nextBatch();
        String a = PetitionApi.caseNumber();
        byte[] xlsx = Tables.writeXlsx("cases", HEADER.split(","), List.<Object[]>of(
                new Object[] {a, "2021-06-05", "来信", "否", "赵六", "13900002222", "宁强县某尾矿库渗漏", "宁强县", "宁强县", "水、土壤"}));
        given().auth().oauth2(TestTokens.office()).contentType(Tables.XLSX).body(xlsx)
                .post("/api/v1/petition-batches/" + batch + "/cases?receivedOn=2021-06-06")
                .then().statusCode(200).body("created", equalTo(1));
        office().queryParam("batch", batch).get("/api/v1/petitions").then()
                .body("items[0].district", equalTo("NQX"))
                .body("items[0].pollutionTypes", equalTo(List.of("WATER", "SOIL")));
    }

    @Test
    void anUnreadableFileIs400() {
        given().auth().oauth2(TestTokens.office()).contentType("text/csv").body("a,b\n1,2\n")
                .post("/api/v1/petition-batches/" + PetitionApi.nextBatch() + "/cases?receivedOn=2021-06-06")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
        given().auth().oauth2(TestTokens.office()).contentType("text/csv").body(HEADER + "\n")
                .post("/api/v1/petition-batches/" + PetitionApi.nextBatch() + "/cases")
                .then().statusCode(400).body("violations[0].field", equalTo("receivedOn"));
        given().auth().oauth2(TestTokens.office()).contentType("text/csv").body((HEADER + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/petition-batches/" + PetitionApi.nextBatch() + "/cases?receivedOn=2021-06-06&deadlineWorkingDays=100000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("deadlineWorkingDays"));
        given().auth().oauth2(TestTokens.unit("HTQ")).contentType("text/csv").body(HEADER + "\n")
                .post("/api/v1/petition-batches/" + PetitionApi.nextBatch() + "/cases?receivedOn=2021-06-06")
                .then().statusCode(403);
    }
}
