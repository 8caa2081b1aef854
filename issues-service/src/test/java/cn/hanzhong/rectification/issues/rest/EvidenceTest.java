package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static cn.hanzhong.rectification.issues.rest.EvidenceApi.officeToken;
import static cn.hanzhong.rectification.issues.rest.EvidenceApi.unitToken;
import static cn.hanzhong.rectification.issues.rest.EvidenceApi.upload;
import static cn.hanzhong.rectification.issues.rest.IssueApi.COOPERATING;
import static cn.hanzhong.rectification.issues.rest.IssueApi.LEAD;
import static cn.hanzhong.rectification.issues.rest.IssueApi.OTHER;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Evidence dossiers (一案一档) on the filesystem store: upload, refusals, submission with records, download, the ZIP. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class EvidenceTest {

    @Test
    void uploadedSubmittedListedDownloadedAndArchived() throws IOException {
        String issue = IssueApi.inProgress("汉江支流入河排污口整治 " + IssueApi.unique("档案"));
        byte[] photo = EvidenceApi.jpeg(issue);
        byte[] pdf = EvidenceApi.pdf("验收申请报告 " + issue);

        // Who may upload: the office and the issue's units; others do not even see the issue.
        upload(unitToken(OTHER), issue, "x.jpg", photo, null).statusCode(404);
        upload(TestTokens.builder().roles("leader").name("市领导").sign(), issue, "x.jpg", photo, null).statusCode(403);

        ExtractableResponse<Response> up = upload(unitToken(LEAD), issue, "C:\\fakepath\\整改后现场照片.jpg", photo, "整改后现场照片（东岸）")
                .statusCode(201)
                .body("status", equalTo("DRAFT")).body("mediaType", equalTo("image/jpeg"))
                .body("originalName", equalTo("整改后现场照片.jpg")).body("description", equalTo("整改后现场照片（东岸）"))
                .body("sizeBytes", equalTo(photo.length)).body("sha256", equalTo(sha256(photo)))
                .body("uploadedUnit", equalTo(LEAD)).body("recordKind", nullValue())
                .extract();
        String photoId = up.path("id");
        assertEquals(up.header("Location").replaceAll("^https?://[^/]+", ""), "/api/v1/issues/" + issue + "/evidence/" + photoId);
        String docxId = upload(unitToken(COOPERATING), issue, "配合单位整改说明.docx", EvidenceApi.docx("汉台区配合整改情况"), null)
                .statusCode(201).body("mediaType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .extract().path("id");

        // A reader of the issue downloads the bytes as uploaded, under their name.
        byte[] back = given().auth().oauth2(unitToken(COOPERATING)).get("/api/v1/issues/" + issue + "/evidence/" + photoId + "/content")
                .then().statusCode(200).contentType("image/jpeg")
                .header("Content-Disposition", containsString("filename*=UTF-8''%E6%95%B4%E6%94%B9"))
                .header("ETag", containsString(sha256(photo))).header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertArrayEquals(photo, back);
        given().auth().oauth2(unitToken(OTHER)).get("/api/v1/issues/" + issue + "/evidence/" + photoId + "/content").then().statusCode(404);
        String elsewhere = IssueApi.inProgress("另一问题 " + IssueApi.unique("档案"));
        given().auth().oauth2(officeToken()).get("/api/v1/issues/" + elsewhere + "/evidence/" + photoId + "/content").then().statusCode(404);

        // Submitted with the monthly report: kept for good. A draft can go; another unit's file cannot be filed.
        unit(LEAD).body(Map.of("period", YearMonth.now().toString(), "percent", 60, "narrative", "完成排口封堵",
                "evidenceIds", List.of(docxId))).post("/api/v1/issues/" + issue + "/progress-reports")
                .then().statusCode(400).body("violations[0].field", equalTo("evidenceIds[0]"));
        String reportId = unit(LEAD).body(Map.of("period", YearMonth.now().toString(), "percent", 60, "narrative", "完成排口封堵",
                "evidenceIds", List.of(photoId))).post("/api/v1/issues/" + issue + "/progress-reports")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(officeToken()).get("/api/v1/issues/" + issue + "/evidence/" + photoId).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("recordKind", equalTo("PROGRESS_REPORT"))
                .body("recordId", equalTo(reportId)).body("recordLabel", equalTo("月度进展报告"));
        given().auth().oauth2(unitToken(LEAD)).delete("/api/v1/issues/" + issue + "/evidence/" + photoId).then().statusCode(409);
        String draft = upload(unitToken(LEAD), issue, "草稿.pdf", EvidenceApi.pdf("draft"), null).statusCode(201).extract().path("id");
        given().auth().oauth2(unitToken(COOPERATING)).delete("/api/v1/issues/" + issue + "/evidence/" + draft).then().statusCode(403);
        given().auth().oauth2(unitToken(LEAD)).delete("/api/v1/issues/" + issue + "/evidence/" + draft).then().statusCode(204);

        // The application for acceptance carries its dossier.
        String pdfId = upload(unitToken(LEAD), issue, "验收申请报告.pdf", pdf, "验收申请").statusCode(201).extract().path("id");
        IssueApi.transition(unit(LEAD), issue, Map.of("action", "REQUEST_ACCEPTANCE", "evidence", "见附件",
                "selfAssessment", "已完成整改", "evidenceIds", List.of(pdfId))).statusCode(200);
        office().queryParam("recordKind", "ACCEPTANCE_REQUEST").get("/api/v1/issues/" + issue + "/dossier").then().statusCode(200)
                .body("id", equalTo(List.of(pdfId))).body("[0].recordId", equalTo("acceptance-1"))
                .body("[0].status", equalTo("SUBMITTED"));
        office().get("/api/v1/issues/" + issue + "/dossier").then().statusCode(200).body("", hasSize(3))
                .body("findAll { it.status == 'DRAFT' }.id", equalTo(List.of(docxId)));
        unit(OTHER).get("/api/v1/issues/" + issue + "/dossier").then().statusCode(404);
        office().queryParam("recordKind", "NOPE").get("/api/v1/issues/" + issue + "/dossier").then().statusCode(400)
                .body("violations[0].field", equalTo("recordKind"));

        // The archive: the index sheet and the submitted files, byte-identical.
        byte[] zip = given().auth().oauth2(unitToken(LEAD)).get("/api/v1/issues/" + issue + "/dossier.zip").then().statusCode(200)
                .contentType("application/zip").header("Content-Disposition", containsString("-dossier.zip"))
                .extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertEquals(List.of("目录.xlsx", "月度进展报告/001-整改后现场照片.jpg", "销号申请/002-验收申请报告.pdf"), List.copyOf(entries.keySet()));
        assertArrayEquals(photo, entries.get("月度进展报告/001-整改后现场照片.jpg"));
        assertArrayEquals(pdf, entries.get("销号申请/002-验收申请报告.pdf"));
        try (XSSFWorkbook index = new XSSFWorkbook(new ByteArrayInputStream(entries.get("目录.xlsx")))) {
            Sheet sheet = index.getSheetAt(0);
            assertEquals("归档路径", sheet.getRow(0).getCell(1).getStringCellValue());
            assertEquals("销号申请/002-验收申请报告.pdf", sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals(sha256(pdf), sheet.getRow(2).getCell(8).getStringCellValue());
            assertEquals(3, sheet.getPhysicalNumberOfRows());
        }
    }

    @Test
    void executablesScriptsMismatchesAndOversizedFilesAreRefused() {
        String issue = IssueApi.inProgress("拒收文件 " + IssueApi.unique("档案"));
        String lead = unitToken(LEAD);
        upload(lead, issue, "整改报告.pdf", EvidenceApi.exe(), null).statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("Executables"));
        upload(lead, issue, "setup.exe", EvidenceApi.exe(), null).statusCode(415);
        upload(lead, issue, "说明.txt", EvidenceApi.shellScript(), null).statusCode(415);
        upload(lead, issue, "run.sh", "echo hi\n".getBytes(), null).statusCode(415);
        upload(lead, issue, "page.html", "<html><body><script>alert(1)</script></body></html>".getBytes(), null).statusCode(415);
        upload(lead, issue, "照片.jpg", EvidenceApi.pdf("not a photo"), null).statusCode(400)
                .body("violations[0].field", equalTo("file")).body("detail", containsString("application/pdf"));
        upload(lead, issue, "empty.pdf", new byte[0], null).statusCode(400).body("violations[0].field", equalTo("file"));
        // %test limit: 5M (issues.evidence.max-file-size), and the endpoint's body limit follows it.
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(EvidenceApi.pdf("big"), 0, big, 0, 20);
        upload(lead, issue, "big.pdf", big, null).statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(lead).contentType("multipart/form-data; boundary=x").body("--x--\r\n".getBytes())
                .post("/api/v1/issues/" + issue + "/evidence").then().statusCode(400);
        office().get("/api/v1/issues/" + issue + "/dossier").then().statusCode(200).body("", hasSize(0));
        upload(lead, issue, "notes.csv", "a,b\n1,2\n".getBytes(), null).statusCode(201).body("mediaType", equalTo("text/csv"));
    }

    @Test
    void aSupervisionOrderResponseFilesItsEvidenceOnTheOrdersIssue() {
        String issue = IssueApi.inProgress("督办附件 " + IssueApi.unique("档案"));
        String order = office().body(Map.of("issueIds", List.of(issue), "problem", "进度滞后", "requirements", "限期反馈",
                "dueDate", LocalDate.now().plusDays(5).toString())).post("/api/v1/supervision-orders").then().statusCode(201)
                .extract().path("id");
        String fileId = upload(unitToken(LEAD), issue, "督办回复.pdf", EvidenceApi.pdf("reply"), null).statusCode(201).extract().path("id");
        unit(LEAD).body(Map.of("action", "RESPOND", "response", "已整改", "evidenceIds", List.of(fileId)))
                .post("/api/v1/supervision-orders/" + order + "/transitions").then().statusCode(200);
        office().get("/api/v1/issues/" + issue + "/evidence/" + fileId).then().statusCode(200)
                .body("recordKind", equalTo("ORDER_RESPONSE")).body("recordId", equalTo(order + "/1"))
                .body("status", equalTo("SUBMITTED"));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
