package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.hanzhong.rectification.issues.rest.IssueApi.LEAD;
import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static cn.hanzhong.rectification.issues.rest.IssueApi.unit;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Monthly snapshots: one per month, immutable and hash-chained; the diff lists exactly what changed between two. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class LedgerSnapshotTest {

    private static final String SNAPSHOTS = "/api/v1/ledger-snapshots";

    @Inject
    EntityManager em;

    private static String code(String id) {
        return office().get("/api/v1/issues/" + id).then().extract().path("code");
    }

    private static List<String> codes(JsonPath diff, String list, Set<String> ours) {
        List<String> all = diff.getList(list + ".code");
        return all.stream().filter(ours::contains).toList();
    }

    @Test
    void aMonthHasOneSnapshotTheDiffListsExactlyWhatChangedAndARewrittenPastIsDetected() throws Exception {
        YearMonth month = YearMonth.from(LocalDate.now(ProgrammeClock.ZONE));
        YearMonth last = month.minusMonths(1);
        String tag = IssueApi.unique("快照");
        String progressing = IssueApi.inProgress("南郑区污水管网 " + tag);
        String lighting = IssueApi.assigned("城固县砖厂扬尘 " + tag);

        String first = office().queryParam("period", last.toString()).post(SNAPSHOTS).then().statusCode(201)
                .body("period", equalTo(last.toString())).extract().path("sha256");
        office().queryParam("period", last.toString()).post(SNAPSHOTS).then().statusCode(200).body("sha256", equalTo(first));
        office().queryParam("period", last.minusMonths(5).toString()).post(SNAPSHOTS).then().statusCode(400)
                .body("violations[0].field", equalTo("period"));
        office().queryParam("period", "2026-13").post(SNAPSHOTS).then().statusCode(400);
        unit(LEAD).queryParam("period", month.toString()).post(SNAPSHOTS).then().statusCode(403);

        // Between the two months: a progress report, a deadline brought forward (light GREEN -> BLUE), a new issue.
        unit(LEAD).body(Map.of("period", month.toString(), "percent", 40, "narrative", "完成管网排查"))
                .post("/api/v1/issues/" + progressing + "/progress-reports").then().statusCode(201);
        String etag = office().get("/api/v1/issues/" + lighting).then().extract().header("ETag");
        office().header("If-Match", etag).body(Map.of("deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(3).toString(),
                "reason", "调度会要求提前完成")).patch("/api/v1/issues/" + lighting).then().statusCode(200);
        String registered = IssueApi.register("勉县新发现问题 " + tag);

        office().queryParam("period", month.toString()).post(SNAPSHOTS).then().statusCode(201)
                .body("previousSha256", equalTo(first));
        office().get(SNAPSHOTS).then().statusCode(200).body("items[0].period", equalTo(month.toString()));
        office().get(SNAPSHOTS + "/" + month).then().statusCode(200).body("reportingUnits", org.hamcrest.Matchers.hasItem(LEAD))
                .body("previousSha256", equalTo(first));

        Set<String> ours = Set.of(code(progressing), code(lighting), code(registered));
        JsonPath diff = office().queryParam("against", last.toString()).get(SNAPSHOTS + "/" + month + "/diff")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(code(registered)), diff.getList("registered.code"));
        assertEquals(List.of(code(progressing)), diff.getList("progressMoved.code"));
        assertEquals("0", diff.getString("progressMoved[0].from"));
        assertEquals("40", diff.getString("progressMoved[0].to"));
        assertEquals(List.of(code(lighting)), diff.getList("changedLight.code"));
        assertEquals("GREEN", diff.getString("changedLight[0].from"));
        assertEquals("BLUE", diff.getString("changedLight[0].to"));
        assertEquals(List.of(), codes(diff, "signedOff", ours));
        assertEquals(List.of(), diff.getList("reopened"));
        assertFalse(diff.getList("unitsNotReporting").contains(LEAD), "the lead unit reported this month");

        byte[] xlsx = office().queryParam("against", last.toString()).queryParam("format", "xlsx")
                .get(SNAPSHOTS + "/" + month + "/diff").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> kinds = new ArrayList<>();
            wb.getSheetAt(0).forEach(r -> kinds.add(r.getCell(0).getStringCellValue() + ":" + r.getCell(1).getStringCellValue()));
            assertTrue(kinds.contains("进度变化:" + code(progressing)), kinds.toString());
            assertTrue(kinds.contains("新登记:" + code(registered)), kinds.toString());
        }
        office().get(SNAPSHOTS + "/1999-01").then().statusCode(404);
        office().queryParam("against", "x").get(SNAPSHOTS + "/" + month + "/diff").then().statusCode(400);

        office().get(SNAPSHOTS + "/verification").then().statusCode(200).body("intact", equalTo(true)).body("snapshots", equalTo(2));

        // The database refuses a plain rewrite ...
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update ledger_snapshot set taken_by = 'x' where period = :p").setParameter("p", last.toString()).executeUpdate()));
        // ... and one who goes round it (and even recomputes the month's own hash) is found by the chain.
        String original = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select content from ledger_snapshot where period = :p").setParameter("p", last.toString()).getSingleResult());
        try {
            String forged = original.replace("\"progressPercent\":0", "\"progressPercent\":100");
            rewrite(last.toString(), forged, false);
            office().get(SNAPSHOTS + "/verification").then().body("intact", equalTo(false))
                    .body("brokenAt", equalTo(last.toString()));
            rewrite(last.toString(), forged, true);
            office().get(SNAPSHOTS + "/verification").then().body("intact", equalTo(false))
                    .body("brokenAt", equalTo(month.toString()));
        } finally {
            rewrite(last.toString(), original, true);
        }
        office().get(SNAPSHOTS + "/verification").then().body("intact", equalTo(true));
    }

    /** What only a database superuser could do: rewrite a snapshot behind the service's back. */
    private void rewrite(String period, String content, boolean rehash) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("alter table ledger_snapshot disable trigger ledger_snapshot_immutable").executeUpdate();
            em.createNativeQuery("update ledger_snapshot set content = :c" + (rehash
                            ? ", content_sha256 = encode(sha256(convert_to(:c, 'UTF8')), 'hex')" : "") + " where period = :p")
                    .setParameter("c", content).setParameter("p", period).executeUpdate();
            em.createNativeQuery("alter table ledger_snapshot enable trigger ledger_snapshot_immutable").executeUpdate();
        });
    }
}
