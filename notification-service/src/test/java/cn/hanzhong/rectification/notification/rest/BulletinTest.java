package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.notification.service.Bulletins;
import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulletin drawn from the three services' published figures (their contract fixtures, through the
 * broker): every section's figures, drafts for the office only, numbering, one notice per unit, the
 * Word document with its tables and chart, and the monthly bulletin once.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class BulletinTest {

    @InjectKafka
    LocalKafka kafka;

    @Inject
    Bulletins bulletins;

    private void sendFigures(String file, String topic, OffsetDateTime asOf) throws Exception {
        ObjectNode e = EventFixtures.event(file, UUID.randomUUID(), Map.of("asOf", asOf.toString()));
        e.put("subject", "stats");
        EventFixtures.send(kafka.bootstrapServers(), topic, e);
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void drawnFromTheFiguresPublishedOnceToEveryUnitAndReadableInWord() throws Exception {
        String office = TestTokens.office();
        String period = YearMonth.now(ProgrammeClock.ZONE).toString();
        as(office).body(Map.of("period", period)).post("/api/v1/bulletins").then().statusCode(409)
                .contentType("application/problem+json");

        OffsetDateTime asOf = OffsetDateTime.now(ProgrammeClock.ZONE).withNano(0);
        sendFigures("issue.stats-published.json", "rectification.issues", asOf);
        sendFigures("petition.stats-published.json", "rectification.petitions", asOf);
        sendFigures("accountability.stats-published.json", "rectification.accountability", asOf);
        // An older publication (a replay, another instance) does not replace the newer one.
        ObjectNode stale = EventFixtures.event("accountability.stats-published.json", UUID.randomUUID(),
                Map.of("asOf", asOf.minusHours(1).toString()));
        ((ObjectNode) stale.get("data").get("stats")).put("personsHeld", 99);
        EventFixtures.send(kafka.bootstrapServers(), "rectification.accountability", stale);

        JsonPath draft = await().atMost(Duration.ofSeconds(30)).until(() -> {
            var r = as(office).body(Map.of("period", period)).post("/api/v1/bulletins");
            return r.statusCode() == 201 ? r.jsonPath() : null;
        }, j -> j != null && j.getString("content.accountabilityAsOf") != null);
        String id = draft.getString("id");
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals(null, draft.getString("documentNumber"));
        JsonPath c = new JsonPath(as(office).get("/api/v1/bulletins/" + id).then().statusCode(200).extract().asString())
                .setRootPath("content");
        // Overall progress: the ledger's own figures.
        assertEquals(5, c.getInt("overall.total"));
        assertEquals(5, c.getInt("overall.assigned"));
        assertEquals(2, c.getInt("overall.signedOff"));
        assertEquals(0.4, c.getDouble("overall.completionRate"), 1e-9);
        assertEquals(0.6667, c.getDouble("overall.onTimeRate"), 1e-9);
        assertEquals(1, c.getInt("byWarningLight.RED"));
        assertEquals(List.of("FK-004"), c.getList("redList.code"));
        assertEquals("汉台区", c.getString("redList[0].leadUnitName"));
        assertEquals(12, c.getInt("redList[0].daysOverdue"));
        // Supervision orders, petitions, accountability.
        assertEquals(1, c.getInt("supervisionOrders.awaitingResponse"));
        assertEquals(1, c.getInt("supervisionOrders.overdue"));
        assertEquals("汉台区", c.getString("supervisionOrders.units[0].name"));
        assertEquals(10, c.getInt("petitions.received"));
        assertEquals(6, c.getInt("petitions.concluded"));
        assertEquals(2, c.getInt("petitions.returned"));
        assertEquals(1, c.getInt("petitions.reopened"));
        assertEquals(0.75, c.getDouble("petitions.completionRate"), 1e-9);
        assertEquals(1, c.getInt("accountability.proposed"));
        assertEquals(3, c.getInt("accountability.opened"));
        assertEquals(2, c.getInt("accountability.decided"));
        assertEquals(1, c.getInt("accountability.personsHeld"), "the newer figures are kept, not the stale replay");
        assertEquals(1, c.getInt("accountability.unitsHeld"));
        // Ranking: completion rate first.
        assertEquals(List.of("SSTHJJ", "HTQ"), c.getList("ranking.unit"));
        assertEquals(List.of(1, 2), c.getList("ranking.rank"));

        // A draft is the office's.
        String unit = TestTokens.unit("SZJSJ");
        as(unit).get("/api/v1/bulletins/" + id).then().statusCode(404);
        as(unit).get("/api/v1/bulletins/" + id + ".docx").then().statusCode(404);
        assertTrue(!as(unit).get("/api/v1/bulletins").then().statusCode(200).extract().<List<String>>path("items.id").contains(id));
        as(unit).post("/api/v1/bulletins/" + id + "/publish").then().statusCode(403);

        JsonPath published = as(office).post("/api/v1/bulletins/" + id + "/publish").then().statusCode(200).extract().jsonPath();
        String number = published.getString("documentNumber");
        assertTrue(number.matches("汉整改通〔" + YearMonth.now(ProgrammeClock.ZONE).getYear() + "〕\\d+号"), number);
        as(office).post("/api/v1/bulletins/" + id + "/publish").then().statusCode(409);
        as(office).delete("/api/v1/bulletins/" + id).then().statusCode(409);

        // Every unit of the directory, and the office, told once.
        for (String code : List.of("HTQ", "SSTHJJ", "SZJSJ")) {
            String token = TestTokens.unit(code);
            await().atMost(Duration.ofSeconds(10)).until(() -> noticeCodes(token, id), k -> k.equals(List.of("BULLETIN_PUBLISHED")));
        }
        assertEquals(List.of("BULLETIN_PUBLISHED"), noticeCodes(office, id));
        as(unit).get("/api/v1/bulletins/" + id).then().statusCode(200).body("documentNumber", equalTo(number));
        assertTrue(as(unit).queryParam("status", "PUBLISHED").get("/api/v1/bulletins").then().statusCode(200).extract()
                .<List<String>>path("items.id").contains(id));

        // The Word document: red header, number, the seven sections, the tables and the chart.
        byte[] docx = as(unit).get("/api/v1/bulletins/" + id + ".docx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document").extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertEquals("FF0000", doc.getParagraphs().get(0).getRuns().get(0).getColor());
            assertTrue(paragraphs.contains(number), "the 文号");
            assertTrue(paragraphs.contains(published.getString("title")));
            for (String s : List.of("一、总体进展", "二、预警情况", "三、按月调度报送情况", "四、督办事项", "五、信访件办理", "六、责任追究",
                    "七、各单位整改完成情况排名")) {
                assertTrue(paragraphs.contains(s), s);
            }
            String all = String.join("\n", paragraphs);
            assertTrue(all.contains("整改台账共有问题5个") && all.contains("完成率40.0%"), all);
            assertTrue(all.contains("办结率75.0%") && all.contains("共问责1人、1个单位"), all);
            List<String> tables = doc.getTables().stream().map(XWPFTable::getText).toList();
            assertTrue(tables.stream().anyMatch(t -> t.contains("FK-004") && t.contains("城区餐饮油烟治理不到位")), "red list table");
            XWPFTable ranking = doc.getTables().get(doc.getTables().size() - 1);
            assertEquals("名次", ranking.getRow(0).getCell(0).getText());
            assertEquals("市生态环境局", ranking.getRow(1).getCell(1).getText());
            assertEquals("66.7%", ranking.getRow(1).getCell(4).getText());
            assertEquals(1, doc.getAllPictures().size(), "the chart");
            byte[] png = doc.getAllPictures().get(0).getData();
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        }

        // The monthly bulletin of a month: once, even when two instances try at the same moment.
        YearMonth month = YearMonth.now(ProgrammeClock.ZONE).minusMonths(1);
        var first = CompletableFuture.supplyAsync(() -> bulletins.monthlyBulletin(month));
        var second = CompletableFuture.supplyAsync(() -> bulletins.monthlyBulletin(month));
        assertEquals(1, (first.get().isPresent() ? 1 : 0) + (second.get().isPresent() ? 1 : 0));
        assertTrue(bulletins.monthlyBulletin(month).isEmpty());
        List<Map<String, Object>> monthly = as(office).queryParam("period", month.toString()).get("/api/v1/bulletins").then()
                .statusCode(200).extract().path("items");
        assertEquals(List.of("MONTHLY"), monthly.stream().map(m -> m.get("kind")).collect(Collectors.toList()));
        assertEquals("PUBLISHED", monthly.get(0).get("status"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String office = TestTokens.office();
        as(office).body(Map.of("period", "2026-13")).post("/api/v1/bulletins").then().statusCode(400)
                .contentType("application/problem+json");
        as(office).queryParam("period", "nope").get("/api/v1/bulletins").then().statusCode(400).body("violations[0].field", equalTo("period"));
        as(office).queryParam("status", "LOST").get("/api/v1/bulletins").then().statusCode(400).body("violations[0].field", equalTo("status"));
        as(office).get("/api/v1/bulletins/" + UUID.randomUUID()).then().statusCode(404);
        as(TestTokens.unit("HTQ")).body(Map.of()).post("/api/v1/bulletins").then().statusCode(403);
    }

    private static List<String> noticeCodes(String token, String item) {
        return given().auth().oauth2(token).queryParam("item", item).queryParam("sort", "id,asc")
                .get("/api/v1/notifications").then().statusCode(200).extract().path("items.code");
    }
}
