package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import static cn.hanzhong.rectification.issues.rest.IssueApi.office;
import static org.hamcrest.Matchers.hasItem;

/** Client mistakes that used to reach the database as 500s are 400 problem+json naming the field. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class MalformedInputTest {

    @Test
    void aNulCharacterInTextIsABadRequestNamingTheField() {
        Map<String, Object> issue = new HashMap<>(IssueApi.newIssue("含有\u0000的标题"));
        issue.put("description", "描述本身没有问题");
        office().body(issue).post("/api/v1/issues").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("title"));
    }

    @Test
    void aHundredThousandDistrictsAreABadRequestNotATooLongQuery() {
        Map<String, Object> issue = new HashMap<>(IssueApi.newIssue(IssueApi.unique("区县过多")));
        issue.put("districts", Collections.nCopies(100_000, "HTQ"));
        office().body(issue).post("/api/v1/issues").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("districts"));
    }
}
