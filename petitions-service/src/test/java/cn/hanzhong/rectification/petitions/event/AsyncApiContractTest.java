package cn.hanzhong.rectification.petitions.event;

import cn.hanzhong.rectification.petitions.ReporterKeyResource;
import cn.hanzhong.rectification.platform.testing.AsyncApiContract;
import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** This service's AsyncAPI document: every event fixture validates against its message, every message has a fixture; served at /q/asyncapi. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(ReporterKeyResource.class)
class AsyncApiContractTest {

    @Test
    void everyFixtureValidatesAndEveryMessageHasOne() throws Exception {
        AsyncApiContract.check("/petitions-service");
    }

    @Test
    void servedBesideTheOpenApiDocumentWithoutAToken() {
        given().get("/q/asyncapi").then().statusCode(200).contentType(containsString("yaml"))
                .body(containsString("asyncapi: \"3.0.0\""));
    }
}
