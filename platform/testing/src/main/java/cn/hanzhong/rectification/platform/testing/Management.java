package cn.hanzhong.rectification.platform.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests to the service's management interface (health, metrics), on its own port in tests too. */
public final class Management {

    private Management() {
    }

    /** A request to {@code quarkus.management.test-port} of the service under test. */
    public static RequestSpecification management() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return RestAssured.given().port(port);
    }
}
