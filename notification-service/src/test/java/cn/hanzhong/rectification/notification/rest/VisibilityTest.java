package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.platform.testing.EventFixtures;
import cn.hanzhong.rectification.platform.testing.InjectKafka;
import cn.hanzhong.rectification.platform.testing.LocalKafka;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The visibility table, the same on every channel: webhooks of the office, the province, a unit and
 * discipline; the inbox and the live stream of unit users and discipline — each gets exactly its
 * notices, with no free text or personal data where it may not read them.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class VisibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE = "13800001111";

    @InjectKafka
    LocalKafka kafka;

    @TestHTTPResource("/api/v1/notifications/stream")
    URL stream;

    private static String subscribe(String token, Receiver receiver, String path) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("targetUrl", receiver.url(path)))
                .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().path("id");
    }

    /** "CODE@item" for each delivery to {@code path} about one of {@code items}. */
    private static Set<String> delivered(Receiver receiver, String path, List<UUID> items) {
        Set<String> got = new TreeSet<>();
        for (Receiver.Request r : receiver.requests) {
            if (!r.path().equals(path)) {
                continue;
            }
            JsonNode body = read(r.body());
            UUID item = UUID.fromString(body.get("itemId").asText());
            if (items.contains(item)) {
                got.add(body.get("code").asText() + "@" + items.indexOf(item));
            }
        }
        return got;
    }

    private static Set<String> inbox(String token, List<UUID> items) {
        Set<String> got = new TreeSet<>();
        for (int i = 0; i < items.size(); i++) {
            List<String> codes = given().auth().oauth2(token).queryParam("item", items.get(i).toString()).queryParam("size", 100)
                    .get("/api/v1/notifications").then().statusCode(200).extract().path("items.code");
            for (String c : codes) {
                got.add(c + "@" + i);
            }
        }
        return got;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the data lines of a live stream until it is closed. */
    private List<String> openStream(String token, List<InputStream> toClose) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream.toURI())
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        toClose.add(response.body());
        List<String> data = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    }
                }
            } catch (Exception ignored) {
                // closed by the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        return data;
    }

    private static Set<String> streamed(List<String> data, List<UUID> items) {
        Set<String> got = new TreeSet<>();
        for (String d : data) {
            JsonNode n = read(d);
            UUID item = UUID.fromString(n.get("itemId").asText());
            if (items.contains(item)) {
                got.add(n.get("code").asText() + "@" + items.indexOf(item));
            }
        }
        return got;
    }

    @Test
    void eachReaderGetsExactlyTheNoticesOfTheRuleTableOnEveryChannel() throws Exception {
        UUID issue = UUID.randomUUID();
        UUID petition = UUID.randomUUID();
        UUID accountabilityCase = UUID.randomUUID();
        List<UUID> items = List.of(issue, petition, accountabilityCase);
        String htq = TestTokens.builder().roles("unit").unit("HTQ").subject("htq-visibility").sign();
        String discipline = TestTokens.builder().roles("discipline").subject("discipline-visibility").sign();
        String leader = TestTokens.builder().roles("leader").subject("leader-visibility").sign();
        List<InputStream> streams = new ArrayList<>();
        Map<String, String> created = new HashMap<>();
        try (Receiver receiver = new Receiver()) {
            created.put(subscribe(TestTokens.office(), receiver, "/office"), TestTokens.office());
            created.put(subscribe(TestTokens.role("province"), receiver, "/province"), TestTokens.role("province"));
            created.put(subscribe(htq, receiver, "/unit-htq"), htq);
            created.put(subscribe(discipline, receiver, "/discipline"), discipline);
            String leaderSub = subscribe(leader, receiver, "/leader");
            created.put(leaderSub, leader);
            given().auth().oauth2(leader).get("/api/v1/webhook-subscriptions/" + leaderSub).then().body("approved", equalTo(false));
            List<String> htqStream = openStream(htq, streams);
            List<String> disciplineStream = openStream(discipline, streams);

            String deadline = LocalDate.now(ProgrammeClock.ZONE).plusDays(120).toString();
            EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event("issue.assigned.json", issue,
                    Map.of("leadUnit", "HTQ", "cooperatingUnits", List.of("LBX"), "deadline", deadline)));
            EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event(
                    "issue.status-changed.reject.json", issue, Map.of("leadUnit", "HTQ", "cooperatingUnits", List.of("LBX"),
                            "deadline", deadline, "reason", "现场核查仍有扬尘，举报人张三，联系电话" + PHONE)));
            EventFixtures.send(kafka.bootstrapServers(), "rectification.petitions", EventFixtures.event("petition.concluded.json",
                    petition, Map.of("leadUnit", "YX", "cooperatingUnits", List.of(), "deadline", deadline)));
            EventFixtures.send(kafka.bootstrapServers(), "rectification.accountability", EventFixtures.event(
                    "accountability.case-proposed.json", accountabilityCase, Map.of()));

            Set<String> office = Set.of("ASSIGNED@0", "REJECTED@0", "CONCLUDED@1", "ACCOUNTABILITY_PROPOSED@2");
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered(receiver, "/office", items).equals(office));
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered(receiver, "/discipline", items).size() == 1
                    && delivered(receiver, "/unit-htq", items).size() == 2 && delivered(receiver, "/province", items).size() == 3);
            // And nothing more arrives.
            Map<String, Set<String>> expected = Map.of(
                    "/office", office,
                    "/province", Set.of("ASSIGNED@0", "REJECTED@0", "CONCLUDED@1"),
                    "/unit-htq", Set.of("ASSIGNED@0", "REJECTED@0"),
                    "/discipline", Set.of("ACCOUNTABILITY_PROPOSED@2"),
                    "/leader", Set.of());
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Map<String, Set<String>> got = new TreeMap<>();
                expected.keySet().forEach(path -> got.put(path, delivered(receiver, path, items)));
                assertEquals(new TreeMap<>(expected), got);
            });

            // Free text only to the office, and never a phone number.
            for (Receiver.Request r : receiver.requests) {
                assertFalse(r.body().contains(PHONE), r.body());
                assertFalse(r.body().contains("张三"), r.body());
                if (r.path().equals("/office")) {
                    assertTrue(read(r.body()).has("recipients"), r.body());
                } else {
                    assertFalse(read(r.body()).has("detail"), r.body());
                    assertFalse(read(r.body()).has("recipients"), r.body());
                }
            }
            assertTrue(receiver.requests.stream().anyMatch(r -> r.path().equals("/office") && r.body().contains("138****1111")),
                    "the office reads the reason, pseudonymised");

            // The inbox: what is addressed to the reader's unit or role.
            assertEquals(Set.of("ASSIGNED@0", "REJECTED@0"), inbox(htq, items));
            assertEquals(Set.of("ASSIGNED@0", "REJECTED@0"), inbox(TestTokens.unit("LBX"), items));
            assertEquals(Set.of(), inbox(TestTokens.unit("YX"), items), "a petition concluded is for the office to review");
            assertEquals(Set.of("ACCOUNTABILITY_PROPOSED@2"), inbox(discipline, items));
            assertEquals(Set.of("CONCLUDED@1", "ACCOUNTABILITY_PROPOSED@2"), inbox(TestTokens.office(), items));
            given().auth().oauth2(TestTokens.role("province")).get("/api/v1/notifications").then().statusCode(403);

            // The stream: the same as the inbox.
            await().atMost(Duration.ofSeconds(30)).until(() -> streamed(htqStream, items).equals(inbox(htq, items))
                    && streamed(disciplineStream, items).equals(inbox(discipline, items)));
            htqStream.forEach(d -> assertFalse(d.contains(PHONE), d));

            // The leader's subscription receives once the office approves it.
            given().auth().oauth2(leader).post("/api/v1/webhook-subscriptions/" + leaderSub + "/approval").then().statusCode(403);
            given().auth().oauth2(TestTokens.office()).post("/api/v1/webhook-subscriptions/" + leaderSub + "/approval").then()
                    .statusCode(200).body("approved", equalTo(true));
            UUID later = UUID.randomUUID();
            EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event("issue.assigned.json", later,
                    Map.of("leadUnit", "HTQ", "cooperatingUnits", List.of(), "deadline", deadline)));
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered(receiver, "/leader", List.of(later)).equals(Set.of("ASSIGNED@0")));
        } finally {
            for (InputStream s : streams) {
                s.close();
            }
            created.forEach((id, owner) -> given().auth().oauth2(owner).delete("/api/v1/webhook-subscriptions/" + id));
        }
    }

    @Test
    void readMarksArePerPersonNotPerUnit() throws Exception {
        UUID issue = UUID.randomUUID();
        EventFixtures.send(kafka.bootstrapServers(), "rectification.issues", EventFixtures.event("issue.assigned.json", issue,
                Map.of("leadUnit", "MXQ", "cooperatingUnits", List.of(), "deadline", LocalDate.now(ProgrammeClock.ZONE).plusDays(90).toString())));
        String wang = TestTokens.builder().roles("unit").unit("MXQ").subject("wang").sign();
        String li = TestTokens.builder().roles("unit").unit("MXQ").subject("li").sign();
        await().atMost(Duration.ofSeconds(30)).until(() -> !inbox(wang, List.of(issue)).isEmpty());
        int id = given().auth().oauth2(wang).queryParam("item", issue.toString()).get("/api/v1/notifications").then()
                .extract().path("items[0].id");
        long liUnread = unread(li);
        long wangUnread = unread(wang);

        given().auth().oauth2(wang).post("/api/v1/notifications/" + id + "/read").then().statusCode(200).body("read", equalTo(true));
        assertEquals(wangUnread - 1, unread(wang));
        assertEquals(liUnread, unread(li), "a colleague's read mark is not mine");
        given().auth().oauth2(li).queryParam("item", issue.toString()).get("/api/v1/notifications").then()
                .body("items[0].read", equalTo(false));
        given().auth().oauth2(li).queryParam("item", issue.toString()).queryParam("unread", "true").get("/api/v1/notifications")
                .then().body("totalItems", equalTo(1));

        given().auth().oauth2(li).post("/api/v1/notifications/read-all").then().statusCode(200);
        assertEquals(0, unread(li));
        given().auth().oauth2(wang).queryParam("item", issue.toString()).get("/api/v1/notifications").then()
                .body("items[0].read", equalTo(true));
    }

    private static long unread(String token) {
        return ((Number) given().auth().oauth2(token).get("/api/v1/notifications/unread-count").then().statusCode(200)
                .extract().path("unread")).longValue();
    }
}
