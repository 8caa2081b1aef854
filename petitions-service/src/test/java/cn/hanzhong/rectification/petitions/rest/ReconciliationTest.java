package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.petitions.ReporterKeyResource;
import cn.hanzhong.rectification.petitions.service.Reconciliations;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.testing.TopicReader;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.petitions.rest.PetitionApi.LEAD;
import static cn.hanzhong.rectification.petitions.rest.PetitionApi.office;
import static cn.hanzhong.rectification.petitions.rest.PetitionApi.province;
import static cn.hanzhong.rectification.petitions.rest.PetitionApi.transition;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reconciliation by 受理编号 with the province's list of the cases it forwarded: each of the four outcomes
 * (and unreadable rows) from an XLSX with real date cells, from a CSV, and from an allow-listed URL.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(ReporterKeyResource.class)
class ReconciliationTest {

    @InjectKafka
    LocalKafka kafka;

    @Inject
    Reconciliations reconciliations;

    private static String caseNumberOf(String id) {
        return office().get("/api/v1/petitions/" + id).then().statusCode(200).extract().path("caseNumber");
    }

    private static String deadlineOf(String id) {
        return office().get("/api/v1/petitions/" + id).then().statusCode(200).extract().path("deadline");
    }

    @SuppressWarnings("unchecked")
    private static String outcome(Map<String, Object> run, String caseNumber) {
        return ((List<Map<String, Object>>) run.get("items")).stream().filter(i -> caseNumber.equals(i.get("caseNumber")))
                .map(i -> (String) i.get("outcome")).sorted().reduce((a, b) -> a + "," + b).orElse("-");
    }

    /** An XLSX as the province's system exports it: a title row, then the header, dates as real date cells. */
    private static byte[] xlsx(List<Object[]> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("交办清单");
            sheet.createRow(0).createCell(0).setCellValue("省生态环境保护督察信访件办理情况");
            Row header = sheet.createRow(1);
            String[] names = {"受理编号", "办理状态", "办理时限"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                Object[] v = rows.get(r);
                row.createCell(0).setCellValue((String) v[0]);
                row.createCell(1).setCellValue((String) v[1]);
                if (v[2] instanceof LocalDate d) {
                    row.createCell(2).setCellValue(d);
                    row.getCell(2).setCellStyle(date);
                } else if (v[2] != null) {
                    row.createCell(2).setCellValue((String) v[2]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachOutcomeByCaseNumberFromAnXlsxACsvAndAnAllowedUrl() throws Exception {
        String assigned = PetitionApi.received("对账：餐饮油烟扰民");
        transition(office(), assigned, Map.of("action", "ASSIGN", "leadUnit", LEAD)).statusCode(200);
        String moved = PetitionApi.received("对账：夜间施工噪声");
        String onlyHere = PetitionApi.received("对账：河道垃圾堆放");
        String same = caseNumberOf(assigned), changed = caseNumberOf(moved), mine = caseNumberOf(onlyHere);
        LocalDate deadline = LocalDate.parse(deadlineOf(assigned));
        String onlyThere = PetitionApi.caseNumber();

        byte[] file = xlsx(List.of(
                new Object[] {same, "已交办", deadline},
                new Object[] {changed, "已办结", null},
                new Object[] {onlyThere, "调查处理中", deadline.plusDays(3)},
                new Object[] {same + "-BAD", "办着呢", "下周"}));
        Map<String, Object> run = given().auth().oauth2(TestTokens.office())
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").queryParam("source", "省督察系统 信访件导出")
                .body(file).post("/api/v1/reconciliations").then().statusCode(201).extract().as(Map.class);
        assertEquals("MATCHED", outcome(run, same), "the status as its label, the deadline as a date cell");
        assertEquals("DIFFERENT", outcome(run, changed));
        assertEquals("ONLY_HERE", outcome(run, mine));
        assertEquals("ONLY_THERE", outcome(run, onlyThere));
        assertEquals("INVALID", outcome(run, same + "-BAD"));
        assertTrue(((Number) run.get("onlyHere")).intValue() >= 1 && (Boolean) run.get("anythingDiffers"), run.toString());
        String id = (String) run.get("id");

        office().queryParam("outcome", "different").get("/api/v1/reconciliations/" + id).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].caseNumber", equalTo(changed))
                .body("items[0].differences", equalTo(List.of("status")))
                .body("items[0].hereStatus", equalTo("RECEIVED"))
                .body("items[0].thereStatus", equalTo("已办结"));
        office().queryParam("outcome", "INVALID").get("/api/v1/reconciliations/" + id).then().statusCode(200)
                .body("items[0].note", org.hamcrest.Matchers.containsString("办理状态 办着呢"))
                .body("items[0].note", org.hamcrest.Matchers.containsString("办理时限 下周 is not a date"))
                .body("items[0].rowNumber", equalTo(6));
        office().queryParam("outcome", "NOPE").get("/api/v1/reconciliations/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("outcome"));
        PetitionApi.unit(LEAD).get("/api/v1/reconciliations/" + id).then().statusCode(403);
        PetitionApi.unit(LEAD).contentType("text/csv").body("受理编号,办理状态\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/reconciliations").then().statusCode(403);

        byte[] sheet = office().queryParam("format", "xlsx").get("/api/v1/reconciliations/" + id).then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''"))
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            assertEquals("对账结果", wb.getSheetAt(0).getRow(0).getCell(2).getStringCellValue());
            assertEquals("不一致", wb.getSheetAt(0).getRow(1).getCell(2).getStringCellValue(), "differences first");
            assertEquals("状态", wb.getSheetAt(0).getRow(1).getCell(3).getStringCellValue());
        }
        province().get("/api/v1/reconciliations").then().statusCode(200).body("items[0].id", equalTo(id))
                .body("items[0].items", equalTo(List.of()));

        // A CSV with the deadline moved: DIFFERENT by deadline.
        String csv = "\uFEFF受理编号,办理状态,办理时限\n" + same + ",ASSIGNED," + deadline.plusDays(1) + "\n";
        Map<String, Object> byCsv = given().auth().oauth2(TestTokens.role("province")).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/reconciliations").then().statusCode(201).extract().as(Map.class);
        assertEquals("DIFFERENT", outcome(byCsv, same));
        given().auth().oauth2(TestTokens.office()).contentType("text/csv").body("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/reconciliations").then().statusCode(400).body("violations[0].field", equalTo("file"));

        // From the province's URL (allow-listed host), as the nightly job does; any other host is refused.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] list = ("受理编号,办理状态,办理时限\n" + same + ",已交办," + deadline + "\n").getBytes(StandardCharsets.UTF_8);
        server.createContext("/petitions.csv", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/csv; charset=UTF-8");
            exchange.sendResponseHeaders(200, list.length);
            exchange.getResponseBody().write(list);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/petitions.csv");
            Reconciliations.View fromUrl = reconciliations.fromUrl(url);
            assertEquals(url.toString(), fromUrl.reconciliation().source);
            assertEquals("MATCHED", fromUrl.items().stream().filter(i -> i.caseNumber.equals(same)).findFirst().orElseThrow().outcome);
            assertEquals("ONLY_HERE", fromUrl.items().stream().filter(i -> i.caseNumber.equals(changed)).findFirst().orElseThrow().outcome);
        } finally {
            server.stop(0);
        }
        assertThrows(InvalidInputException.class, () -> reconciliations.fromUrl(URI.create("http://example.com/petitions.csv")));

        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.valuesWithKey(kafka.bootstrapServers(), "rectification.petitions", id,
                Duration.ofSeconds(1)), v -> v.stream().anyMatch(x -> x.contains("\"petition.reconciliation-completed\"")
                && x.contains("\"anythingDiffers\":true") && !x.contains("对账：")));
    }
}
