package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.service.Reconciliations;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reconciliation with the province: each of the four outcomes (and unreadable rows), from a file and from an allowed URL. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ReconciliationTest {

    @InjectKafka
    LocalKafka kafka;

    @Inject
    Reconciliations reconciliations;

    private static String withExternalId(String externalId) {
        Map<String, Object> body = new HashMap<>(IssueApi.newIssue("省级交办 " + externalId));
        body.put("externalId", externalId);
        String id = office().body(body).post("/api/v1/issues").then().statusCode(201).extract().path("id");
        IssueApi.transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", IssueApi.LEAD,
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(30).toString())).statusCode(200);
        return id;
    }

    private static String outcome(Map<String, Object> run, String externalId) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) run.get("items");
        return items.stream().filter(i -> externalId.equals(i.get("externalId"))).map(i -> (String) i.get("outcome"))
                .sorted().reduce((a, b) -> a + "," + b).orElse("-");
    }

    @Test
    void eachOutcomeFromAFileAndFromAnAllowedUrl() throws Exception {
        String tag = IssueApi.unique("SX");
        String same = tag + "-1", changed = tag + "-2", onlyHere = tag + "-3", onlyThere = tag + "-9";
        withExternalId(same);
        withExternalId(changed);
        withExternalId(onlyHere);
        String deadline = LocalDate.now(ProgrammeClock.ZONE).plusDays(30).toString();
        String csv = "\uFEFF省督察系统导出\n编号,状态,整改时限\n"
                + same + ",ASSIGNED," + deadline + "\n"
                + changed + ",已销号," + deadline + "\n"
                + onlyThere + ",整改中,2027-01-31\n"
                + tag + "-bad,进行中吧,\n"
                + same + ",ASSIGNED," + deadline + "\n";
        Map<String, Object> run = given().auth().oauth2(EvidenceApi.officeToken())
                .contentType("text/csv").queryParam("source", "省督察系统 测试导出").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/reconciliations").then().statusCode(201).extract().as(Map.class);
        assertEquals("INVALID,MATCHED", outcome(run, same), "the second row of the same id is unreadable");
        assertEquals("DIFFERENT", outcome(run, changed));
        assertEquals("ONLY_HERE", outcome(run, onlyHere));
        assertEquals("ONLY_THERE", outcome(run, onlyThere));
        assertEquals("INVALID", outcome(run, tag + "-bad"));
        String id = (String) run.get("id");
        office().queryParam("outcome", "DIFFERENT").get("/api/v1/reconciliations/" + id).then().statusCode(200)
                .body("items.find { it.externalId == '" + changed + "' }.differences", equalTo(List.of("status")))
                .body("items.find { it.externalId == '" + changed + "' }.thereStatus", equalTo("已销号"));
        office().queryParam("outcome", "NOPE").get("/api/v1/reconciliations/" + id).then().statusCode(400);
        unit(IssueApi.LEAD).get("/api/v1/reconciliations/" + id).then().statusCode(403);
        byte[] xlsx = office().queryParam("format", "xlsx").get("/api/v1/reconciliations/" + id).then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("对账结果", wb.getSheetAt(0).getRow(0).getCell(2).getStringCellValue());
            assertEquals("不一致", wb.getSheetAt(0).getRow(1).getCell(2).getStringCellValue(), "differences first");
        }
        office().get("/api/v1/reconciliations").then().statusCode(200).body("items[0].id", equalTo(id));
        given().auth().oauth2(EvidenceApi.officeToken()).contentType("text/csv").body("a,b\n1,2\n".getBytes())
                .post("/api/v1/reconciliations").then().statusCode(400).body("violations[0].field", equalTo("file"));

        // From the province's URL (allow-listed host), as the nightly job does.
        HttpServer province = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] list = ("编号,状态,整改时限\n" + same + ",ASSIGNED," + deadline + "\n").getBytes(StandardCharsets.UTF_8);
        province.createContext("/ledger.csv", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/csv; charset=UTF-8");
            exchange.sendResponseHeaders(200, list.length);
            exchange.getResponseBody().write(list);
            exchange.close();
        });
        province.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + province.getAddress().getPort() + "/ledger.csv");
            Reconciliations.View fromUrl = reconciliations.fromUrl(url);
            assertEquals(url.toString(), fromUrl.reconciliation().source);
            assertEquals("MATCHED", fromUrl.items().stream().filter(i -> i.externalId.equals(same)).findFirst().orElseThrow().outcome);
            assertEquals("ONLY_HERE", fromUrl.items().stream().filter(i -> i.externalId.equals(changed)).findFirst().orElseThrow().outcome);
        } finally {
            province.stop(0);
        }
        assertThrows(InvalidInputException.class, () -> reconciliations.fromUrl(URI.create("http://example.com/ledger.csv")));

        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.valuesWithKey(kafka.bootstrapServers(), "rectification.issues", id,
                Duration.ofSeconds(1)), v -> v.stream().anyMatch(x -> x.contains("\"reconciliation.completed\"") && x.contains("\"anythingDiffers\":true")));
    }
}
