package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.IssueApi.COOPERATING;
import static cn.hanzhong.rectification.issues.rest.IssueApi.LEAD;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.transition;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger exported in the official layout, read back with POI; the CSV opens in Excel and carries no formula. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class LedgerExportTest {

    private static final List<String> COLUMNS = List.of("序号", "问题编号", "问题来源", "问题描述", "整改目标", "整改措施",
            "牵头单位", "配合单位", "责任人（姓名、职务）", "整改时限", "整改进展（%）", "当前状态", "预警", "销号日期");

    private static String assignedDue(String title, int days) {
        String id = IssueApi.register(title);
        transition(office(), id, Map.of("action", "ASSIGN", "leadUnit", LEAD, "cooperatingUnits", List.of(COOPERATING),
                "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(days).toString())).statusCode(200);
        return office().get("/api/v1/issues/" + id).then().extract().path("code");
    }

    @Test
    void theXlsxHasTheOfficialLayoutLabelsAndColours() throws Exception {
        String tag = IssueApi.unique("台账");
        String green = assignedDue("中心城区建筑工地扬尘 " + tag, 60);
        String blue = assignedDue("汉江支流黑臭水体 " + tag, 3);
        byte[] file = office().queryParam("q", tag).queryParam("format", "xlsx").get("/api/v1/issues/export")
                .then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertEquals("整改台账", sheet.getSheetName());
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().endsWith("整改台账"));
            assertEquals("制表日期：" + LocalDate.now(ProgrammeClock.ZONE), sheet.getRow(1).getCell(0).getStringCellValue());
            List<String> header = new ArrayList<>();
            sheet.getRow(2).forEach(c -> header.add(c.getStringCellValue()));
            assertEquals(COLUMNS, header);
            assertEquals(3, sheet.getPaneInformation().getHorizontalSplitPosition(), "the header is frozen");
            assertEquals(CellRangeAddress.valueOf("3:3"), sheet.getRepeatingRows(), "the header repeats on every page");
            assertEquals(PrintSetup.A3_PAPERSIZE, sheet.getPrintSetup().getPaperSize());
            assertTrue(sheet.getPrintSetup().getLandscape());
            assertTrue(sheet.getColumnWidth(5) > sheet.getColumnWidth(0), "widths are set");

            Map<String, XSSFRow> byCode = new HashMap<>();
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                byCode.put(sheet.getRow(r).getCell(1).getStringCellValue(), sheet.getRow(r));
            }
            assertEquals(2, byCode.size());
            XSSFRow g = byCode.get(green);
            assertEquals("中心城区建筑工地扬尘 " + tag, g.getCell(3).getStringCellValue());
            assertEquals("1. 开展工地排查\n2. 落实六个百分百", g.getCell(5).getStringCellValue());
            assertEquals("市生态环境局", g.getCell(6).getStringCellValue());
            assertEquals("汉台区", g.getCell(7).getStringCellValue());
            assertEquals("王某（市生态环境局局长）", g.getCell(8).getStringCellValue());
            assertEquals(LocalDate.now(ProgrammeClock.ZONE).plusDays(60).toString(), g.getCell(9).getStringCellValue());
            assertEquals(0.0, g.getCell(10).getNumericCellValue());
            assertEquals("已交办", g.getCell(11).getStringCellValue());
            assertEquals("正常", g.getCell(12).getStringCellValue());
            assertEquals("", g.getCell(13).getStringCellValue());
            assertEquals("临期", byCode.get(blue).getCell(12).getStringCellValue());
            assertArrayEquals(new byte[] {(byte) 0xC6, (byte) 0xEF, (byte) 0xCE}, fill(g.getCell(12)));
            assertArrayEquals(new byte[] {(byte) 0xBD, (byte) 0xD7, (byte) 0xEE}, fill(byCode.get(blue).getCell(12)));
            assertEquals(3.0, g.getCell(0).getNumericCellValue() + byCode.get(blue).getCell(0).getNumericCellValue(), "序号 1 and 2");
        }
    }

    private static byte[] fill(XSSFCell cell) {
        return cell.getCellStyle().getFillForegroundColorColor().getRGB();
    }

    @Test
    void theCsvHasABomAndNoFormula() throws Exception {
        String tag = IssueApi.unique("csv");
        Map<String, Object> body = new HashMap<>(IssueApi.newIssue("=HYPERLINK(\"http://evil\") " + tag));
        office().body(body).post("/api/v1/issues").then().statusCode(201);
        byte[] csv = office().queryParam("q", tag).header("Accept", "text/csv").get("/api/v1/issues/export")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv, 3));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertEquals(1, rows.size());
        assertEquals(COLUMNS, rows.get(0).getParser().getHeaderNames());
        assertEquals("'=HYPERLINK(\"http://evil\") " + tag, rows.get(0).get("问题描述"));
        assertEquals("已登记", rows.get(0).get("当前状态"));
        assertEquals("1", rows.get(0).get("序号"));
    }

    @Test
    void aUnitExportsOnlyItsOwnIssuesAndABadFormatIs400() throws Exception {
        String tag = IssueApi.unique("own");
        assignedDue("洋县某企业 " + tag, 30);
        IssueApi.register("未交办 " + tag);
        String csv = new String(IssueApi.unit(COOPERATING).queryParam("q", tag).queryParam("format", "csv")
                .get("/api/v1/issues/export").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertEquals(1, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords().size(), csv); // its one issue
        IssueApi.unit(IssueApi.OTHER).queryParam("q", tag).queryParam("format", "csv").get("/api/v1/issues/export")
                .then().statusCode(200);
        office().queryParam("format", "pdf").get("/api/v1/issues/export").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", org.hamcrest.Matchers.equalTo("format"));
    }
}
