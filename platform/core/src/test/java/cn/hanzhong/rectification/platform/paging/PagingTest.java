package cn.hanzhong.rectification.platform.paging;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PagingTest {

    @Test
    void defaultsToFirstPageOfTwenty() {
        given().auth().oauth2(TestTokens.office()).get("/test/probe/items")
                .then().statusCode(200)
                .body("items", hasSize(20))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("totalItems", equalTo(45))
                .body("totalPages", equalTo(3))
                .body("items[0].n", equalTo(1));
    }

    @Test
    void lastPageHoldsTheRest() {
        given().auth().oauth2(TestTokens.office()).queryParam("page", 2).get("/test/probe/items")
                .then().statusCode(200).body("items", hasSize(5)).body("items[4].n", equalTo(45));
    }

    @Test
    void sortsByAllowedFieldsWithDirection() {
        given().auth().oauth2(TestTokens.office())
                .queryParam("sort", "name,asc").queryParam("sort", "n,desc").queryParam("size", 3)
                .get("/test/probe/items")
                .then().statusCode(200)
                .body("items.n", contains(26, 27, 1));
    }

    @Test
    void rejectsBadPagingWithEveryField() {
        given().auth().oauth2(TestTokens.office())
                .queryParam("page", "abc").queryParam("size", 500).queryParam("sort", "secret,asc")
                .get("/test/probe/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasSize(3))
                .body("violations.field", hasItem("page"))
                .body("violations.field", hasItem("size"))
                .body("violations.field", hasItem("sort"));
    }

    @Test
    void rejectsUnknownDirection() {
        given().auth().oauth2(TestTokens.office()).queryParam("sort", "n,up").get("/test/probe/items")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
    }
}
