package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/** The ledger filed back from Excel or CSV: per-row report, idempotent, dry run, round trip. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class LedgerImportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEADER = "序号,问题编号,问题来源,问题描述,整改目标,整改措施,牵头单位,配合单位,责任人（姓名、职务）,整改时限,整改进展（%）,当前状态,预警,销号日期\n";

    @InjectKafka
    LocalKafka kafka;

    private static byte[] export(String tag, String format) {
        return office().queryParam("q", tag).queryParam("format", format).get("/api/v1/issues/export")
                .then().statusCode(200).extract().asByteArray();
    }

    @Test
    void anExportedLedgerImportedBackChangesNothing() {
        String tag = IssueApi.unique("往返");
        IssueApi.register("勉县尾矿库渗漏 " + tag);
        IssueApi.assigned("留坝县河道采砂 " + tag);
        for (String[] f : List.of(new String[] {"xlsx", XLSX}, new String[] {"csv", "text/csv"})) {
            byte[] file = export(tag, f[0]);
            office().contentType(f[1]).body(file).post("/api/v1/issue-imports").then().statusCode(200)
                    .body("rows", equalTo(2)).body("unchanged", equalTo(2))
                    .body("results.outcome", everyItem(equalTo("UNCHANGED")));
        }
        office().queryParam("q", tag).get("/api/v1/issues").then().body("totalItems", equalTo(2));
    }

    @Test
    void goodRowsGoInBadRowsAreReportedByColumnAndADryRunWritesNothing() {
        String tag = IssueApi.unique("导入");
        String known = IssueApi.register("西乡县养殖场粪污 " + tag);
        String knownCode = office().get("/api/v1/issues/" + known).then().extract().path("code");
        String csv = HEADER
                + "1,," + "反馈问题,城固县砂石厂扬尘 " + tag + ",扬尘得到控制,\"1. 硬化道路\n2. 加装喷淋\",市生态环境局,汉台区、YX,张某（副县长）,2030-06-30,0,,,\n"
                + "2,,反馈问题,火星局问题 " + tag + ",,,火星局,,,2030-06-30,,,,\n"
                + "3,,反馈问题,坏时限 " + tag + ",,,市生态环境局,,,明年,,,,\n"
                + "4," + knownCode + ",反馈问题,西乡县养殖场粪污 " + tag + ",粪污资源化利用率达到90%,\"1. 开展工地排查\n2. 落实六个百分百\",,,王某（市生态环境局局长）,,,,,\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        office().contentType("text/csv").queryParam("dryRun", "true").body(file).post("/api/v1/issue-imports").then()
                .statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(1)).body("updated", equalTo(1))
                .body("rejected", equalTo(2));
        office().queryParam("q", tag).get("/api/v1/issues").then().body("totalItems", equalTo(1));
        office().get("/api/v1/issues/" + known).then().body("target", equalTo("扬尘污染得到有效管控"));

        office().contentType("text/csv").body(file).post("/api/v1/issue-imports").then().statusCode(200)
                .body("dryRun", equalTo(false))
                .body("results[0].outcome", equalTo("CREATED"))
                .body("results[1].outcome", equalTo("REJECTED"))
                .body("results[1].violations[0].field", equalTo("牵头单位"))
                .body("results[2].outcome", equalTo("REJECTED"))
                .body("results[2].violations[0].field", equalTo("整改时限"))
                .body("results[3].outcome", equalTo("UPDATED"));
        String created = office().queryParam("q", "城固县砂石厂扬尘 " + tag).get("/api/v1/issues").then()
                .body("totalItems", equalTo(1)).extract().path("items[0].id");
        office().get("/api/v1/issues/" + created).then()
                .body("leadUnit", equalTo("SSTHJJ")).body("cooperatingUnits", hasItem("HTQ")).body("cooperatingUnits", hasItem("YX"))
                .body("measures", equalTo(List.of("硬化道路", "加装喷淋")))
                .body("responsibleOfficials[0].name", equalTo("张某")).body("responsibleOfficials[0].post", equalTo("副县长"))
                .body("deadline", equalTo("2030-06-30")).body("category", equalTo("OTHER"));
        office().get("/api/v1/issues/" + known).then().body("target", equalTo("粪污资源化利用率达到90%"));
        office().get("/api/v1/issues/" + known + "/history").then().body("items.reason", hasItem("台账导入"));

        // A row with its 问题编号 is idempotent: imported again, it changes nothing.
        String again = HEADER + "4," + knownCode + ",反馈问题,西乡县养殖场粪污 " + tag
                + ",粪污资源化利用率达到90%,\"1. 开展工地排查\n2. 落实六个百分百\",,,王某（市生态环境局局长）,,,,,\n";
        office().contentType("text/csv").body(again.getBytes(StandardCharsets.UTF_8)).post("/api/v1/issue-imports").then()
                .statusCode(200).body("unchanged", equalTo(1));
    }

    @Test
    void aRowRefusedWhenAppliedLosesNoneOfTheRowsAppliedWithIt() {
        // The rows of a sheet are applied a hundred to a transaction; a row only the ledger can refuse (here: the lead
        // unit of a known issue changes only through ASSIGN) sends its chunk back to be applied row by row.
        String tag = IssueApi.unique("分块");
        String known = IssueApi.register("略阳县尾矿库渗漏 " + tag);
        String knownCode = office().get("/api/v1/issues/" + known).then().extract().path("code");
        String csv = HEADER
                + "1,,反馈问题,分块甲 " + tag + ",,,市生态环境局,,,2030-06-30,,,,\n"
                + "2," + knownCode + ",反馈问题,略阳县尾矿库渗漏 " + tag + ",,,市生态环境局,,,,,,,\n"
                + "3,,反馈问题,分块乙 " + tag + ",,,市生态环境局,,,2030-06-30,,,,\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        office().contentType("text/csv").queryParam("dryRun", "true").body(file).post("/api/v1/issue-imports").then()
                .statusCode(200).body("created", equalTo(2)).body("rejected", equalTo(1))
                .body("results.outcome", equalTo(List.of("CREATED", "REJECTED", "CREATED")));
        office().queryParam("q", tag).get("/api/v1/issues").then().body("totalItems", equalTo(1));

        office().contentType("text/csv").body(file).post("/api/v1/issue-imports").then().statusCode(200)
                .body("results.outcome", equalTo(List.of("CREATED", "REJECTED", "CREATED")))
                .body("results[1].violations[0].field", equalTo("牵头单位"))
                .body("results[1].code", equalTo(knownCode));
        // Each good row once: the chunk's first attempt left nothing behind.
        for (String title : List.of("分块甲 " + tag, "分块乙 " + tag)) {
            office().queryParam("q", title).get("/api/v1/issues").then().body("totalItems", equalTo(1))
                    .body("items[0].leadUnit", equalTo("SSTHJJ"));
        }
        office().queryParam("q", tag).get("/api/v1/issues").then().body("totalItems", equalTo(3));
        office().get("/api/v1/issues/" + known).then().body("leadUnit", nullValue());
    }

    @Test
    void importedIssuesGetTheirCodesHistoryAndOneRegisteredEventEach() throws Exception {
        // New rows of a chunk are registered together (one flush, the history lines and events each in one statement):
        // each still gets its own code, its REGISTERED line and exactly one issue.registered.
        String tag = IssueApi.unique("批量");
        String givenCode = "DR-" + tag.substring(tag.length() - 8);
        String csv = HEADER
                + "1,,反馈问题,批量甲 " + tag + ",,,市生态环境局,,,2030-06-30,,,,\n"
                + "2," + givenCode + ",信访举报,批量乙 " + tag + ",,,汉台区,,,2030-06-30,,,,\n"
                + "3,,反馈问题,批量丙 " + tag + ",,,市生态环境局,,,2030-06-30,,,,\n";
        List<Map<String, Object>> results = office().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/issue-imports").then().statusCode(200).body("created", equalTo(3))
                .extract().path("results");
        assertEquals(givenCode, results.get(1).get("code"));
        assertEquals(3, results.stream().map(r -> r.get("code")).distinct().count(), "three codes: " + results);
        for (Map<String, Object> r : results) {
            String id = (String) r.get("issueId");
            office().get("/api/v1/issues/" + id).then().statusCode(200).body("code", equalTo(r.get("code")))
                    .body("status", equalTo("REGISTERED"));
            office().get("/api/v1/issues/" + id + "/history").then().body("items.action", equalTo(List.of("REGISTERED")));
            List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(() -> IssueApi.events(kafka, id), e -> !e.isEmpty());
            assertEquals(List.of("issue.registered"), events.stream().map(e -> e.get("type").asText()).toList());
            assertEquals(r.get("code"), events.get(0).get("data").get("code").asText());
        }
    }

    @Test
    void aNewRowNamingADeactivatedUnitIsRefusedByItsColumnAndTheOthersGoIn() {
        String tag = IssueApi.unique("停用");
        String code = "TY" + tag.substring(tag.length() - 8).toUpperCase();
        office().body(Map.of("code", code, "name", "停用单位 " + tag, "kind", "CITY_DEPARTMENT")).post("/api/v1/units")
                .then().statusCode(201);
        office().post("/api/v1/units/" + code + "/deactivation").then().statusCode(200);
        String csv = HEADER
                + "1,,反馈问题,停用甲 " + tag + ",,,市生态环境局,,,2030-06-30,,,,\n"
                + "2,,反馈问题,停用乙 " + tag + ",,,停用单位 " + tag + ",,,2030-06-30,,,,\n"
                + "3,,反馈问题,停用丙 " + tag + ",,,市生态环境局," + code + ",,2030-06-30,,,,\n";
        office().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/issue-imports").then()
                .statusCode(200).body("results.outcome", equalTo(List.of("CREATED", "REJECTED", "REJECTED")))
                .body("results[1].violations[0].field", equalTo("牵头单位"))
                .body("results[1].violations[0].message", equalTo("'停用单位 " + tag + "' is deactivated"))
                .body("results[2].violations[0].field", equalTo("配合单位"));
        office().queryParam("q", tag).get("/api/v1/issues").then().body("totalItems", equalTo(1))
                .body("items[0].title", equalTo("停用甲 " + tag));
    }

    @Test
    void whoMayImportAndWhatIsNotASheet() {
        given().auth().oauth2(TestTokens.unit("HTQ")).contentType("text/csv").body(HEADER.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/issue-imports").then().statusCode(403);
        office().contentType(XLSX).body("not a workbook".getBytes(StandardCharsets.UTF_8)).post("/api/v1/issue-imports")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("file"));
        office().contentType("text/csv").body("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/issue-imports")
                .then().statusCode(400).body("violations[0].field", equalTo("file"));
        String tooLong = "长".repeat(301);
        office().contentType("text/csv").body((HEADER + "1,,反馈问题," + tooLong + ",,,,,,,,,,\n1," + "X".repeat(41)
                        + ",反馈问题,编号过长,,,,,,,,,,\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/issue-imports").then().statusCode(200).body("rejected", equalTo(2))
                .body("results[0].violations[0].field", equalTo("问题描述"))
                .body("results[1].violations[0].field", equalTo("问题编号"));
        String tag = IssueApi.unique("省");
        String id = IssueApi.register("省级更新 " + tag);
        String code = office().get("/api/v1/issues/" + id).then().extract().path("code");
        given().auth().oauth2(TestTokens.role("province")).contentType("text/csv")
                .body((HEADER + "1," + code + ",反馈问题,省级改了标题 " + tag + ",,,,,,,,,,\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/issue-imports").then().statusCode(200).body("results[0].outcome", equalTo("REJECTED"));
        office().get("/api/v1/issues/" + id).then().body("title", equalTo("省级更新 " + tag));
    }
}
