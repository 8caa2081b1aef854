package cn.hanzhong.rectification.platform.paging;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded count, keyset pages after a cursor and the refused deep offset, over 10 050 real rows. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class KeysetPagesTest {

    private static JsonPath page(String grp, String sort, int size, String after, Integer pageNo) {
        var r = given().auth().oauth2(TestTokens.office()).queryParam("grp", grp).queryParam("size", size);
        if (sort != null) {
            r.queryParam("sort", sort);
        }
        if (after != null) {
            r.queryParam("after", after);
        }
        if (pageNo != null) {
            r.queryParam("page", pageNo);
        }
        return r.get("/test/rows").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSmallMatchIsCountedExactly() {
        given().auth().oauth2(TestTokens.office()).queryParam("grp", "few").get("/test/rows")
                .then().statusCode(200)
                .body("totalItems", equalTo(50)).body("totalItemsExact", equalTo(true)).body("totalPages", equalTo(3))
                .body("nextCursor", notNullValue());
    }

    @Test
    void beyondTenThousandMatchesTheTotalIsAFlaggedEstimate() {
        given().auth().oauth2(TestTokens.office()).queryParam("grp", "all").get("/test/rows")
                .then().statusCode(200)
                .body("totalItemsExact", equalTo(false))
                .body("totalItems", greaterThan(Count.EXACT_UP_TO))
                .body("items", hasSize(20));
    }

    @Test
    void walkingByCursorGivesEveryRowOnceInTheNumberedOrderAlsoWithNullsAndMixedDirections() {
        for (String sort : List.of("label,asc", "label,desc", "n,desc")) {
            List<String> numbered = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                numbered.addAll(page("few", sort, 20, null, p).getList("items.id"));
            }
            List<String> walked = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonPath json = page("few", sort, 7, cursor, null);
                walked.addAll(json.getList("items.id"));
                cursor = json.getString("nextCursor");
                pages++;
            } while (cursor != null);
            assertEquals(50, numbered.size(), sort);
            assertEquals(numbered, walked, sort);
            assertEquals(50, new HashSet<>(walked).size(), sort);
            assertEquals(8, pages, sort);
        }
    }

    @Test
    void theLastPageHasNoCursor() {
        JsonPath last = page("few", null, 20, null, 2);
        assertEquals(10, last.getList("items").size());
        assertEquals(null, last.getString("nextCursor"));
    }

    @Test
    void aDeepPageFarBeyondTheOffsetLimitIsReachedByCursor() {
        // Rows 10 001.. are beyond any numbered page; the cursor of row 10 000 reaches them.
        String cursorOfNoRow = Cursor.of(java.util.UUID.nameUUIDFromBytes(new byte[0]));
        JsonPath deep = page("all", "n,asc", 20, rowCursor(10000), null);
        assertEquals(10001, (int) deep.getInt("items[0].n"));
        assertEquals(20, deep.getList("items").size());
        given().auth().oauth2(TestTokens.office()).queryParam("after", cursorOfNoRow).get("/test/rows")
                .then().statusCode(400).body("violations[0].field", equalTo("after"));
    }

    @Test
    void aNumberedPageBeyondTheLimitIsRefusedPointingToTheCursor() {
        given().auth().oauth2(TestTokens.office()).queryParam("page", 500).queryParam("size", 20).get("/test/rows")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("page"))
                .body("violations[0].message", containsString("after="));
        // The last numbered page allowed still answers.
        given().auth().oauth2(TestTokens.office()).queryParam("page", 499).queryParam("size", 20).get("/test/rows")
                .then().statusCode(200).body("items[0].n", equalTo(9981));
    }

    @Test
    void aForeignCursorOrOneBesideAPageIsABadRequest() {
        given().auth().oauth2(TestTokens.office()).queryParam("after", "not-a-cursor").get("/test/rows")
                .then().statusCode(400).body("violations[0].field", equalTo("after"));
        given().auth().oauth2(TestTokens.office()).queryParam("after", rowCursor(3)).queryParam("page", 1)
                .get("/test/rows").then().statusCode(400).body("violations[0].field", equalTo("page"));
        given().auth().oauth2(TestTokens.office()).queryParam("after", rowCursor(3)).get("/test/rows")
                .then().statusCode(200).body("items[0].n", equalTo(4)).body("nextCursor", notNullValue())
                .body("page", equalTo(0));
        given().auth().oauth2(TestTokens.office()).queryParam("grp", "none").get("/test/rows")
                .then().statusCode(200).body("totalItems", equalTo(0)).body("nextCursor", nullValue());
    }

    @Test
    void theStatisticsBoundATermsShareByItsRarestGram() {
        double tail = share("tail");
        double few = share("few");
        assertTrue(tail > 0.25 && tail < 0.35, "tail holds 3 000 of 10 050 rows: " + tail);
        assertTrue(few < 0.02, "few holds 50 of 10 050 rows: " + few);
        assertEquals(few, share("tail,few"), 1e-9);
        assertEquals(1.0, share("all"), 0.01);
    }

    @Test
    void aCommonTermIsFoundByWalkingTheOrderAndWhereTheWalkFindsTooFewByTheTermItself() {
        // n descending: the first rows of the order are in 'tail', the walk fills the page.
        JsonPath walked = narrowed("tail", "n,desc", null, null);
        assertEquals(List.of(10050, 10049, 10048), walked.getList("items.n", Integer.class).subList(0, 3));
        assertEquals(20, walked.getList("items").size());
        assertEquals(false, walked.getBoolean("totalItemsExact"));
        assertTrue(walked.getLong("totalItems") > Count.EXACT_UP_TO);
        // n ascending: none of the first 5 000 rows is in 'tail', so the query runs whole.
        JsonPath whole = narrowed("tail", "n,asc", null, null);
        assertEquals(7051, whole.getInt("items[0].n"));
        assertEquals(20, whole.getList("items").size());
        // A numbered page and a cursor page through the walk give the rows of the order.
        assertEquals(7071, narrowed("tail", "n,asc", null, 1).getInt("items[0].n"));
        assertEquals(10030, narrowed("tail", "n,desc", walked.getString("nextCursor"), null).getInt("items[0].n"));
        assertEquals(10010, narrowed("tail", "n,desc", null, 2).getInt("items[0].n"));
    }

    @Test
    void aRareTermIsCountedExactlyAndAnEmptyOneIsEmpty() {
        JsonPath rare = given().auth().oauth2(TestTokens.office()).queryParam("term", "few").queryParam("sort", "n,desc")
                .get("/test/rows").then().statusCode(200).extract().jsonPath();
        assertEquals(50, rare.getInt("totalItems"));
        assertEquals(true, rare.getBoolean("totalItemsExact"));
        assertEquals(50, rare.getInt("items[0].n"));
        given().auth().oauth2(TestTokens.office()).queryParam("grp", "few").queryParam("term", "tail").get("/test/rows")
                .then().statusCode(200).body("totalItems", equalTo(0)).body("items", hasSize(0));
    }

    private static double share(String term) {
        return given().auth().oauth2(TestTokens.office()).queryParam("term", term).get("/test/rows/share")
                .then().statusCode(200).extract().body().asString().transform(Double::parseDouble);
    }

    private static JsonPath narrowed(String term, String sort, String after, Integer pageNo) {
        var r = given().auth().oauth2(TestTokens.office()).queryParam("term", term).queryParam("sort", sort);
        if (after != null) {
            r.queryParam("after", after);
        }
        if (pageNo != null) {
            r.queryParam("page", pageNo);
        }
        return r.get("/test/rows").then().statusCode(200).extract().jsonPath();
    }

    /** The cursor of row n: its id is md5('row' || n) as a UUID (the migration's ids). */
    private static String rowCursor(int n) {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest(("row" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : md5) {
                hex.append(String.format("%02x", b));
            }
            String h = hex.toString();
            return Cursor.of(java.util.UUID.fromString(h.substring(0, 8) + "-" + h.substring(8, 12) + "-"
                    + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
