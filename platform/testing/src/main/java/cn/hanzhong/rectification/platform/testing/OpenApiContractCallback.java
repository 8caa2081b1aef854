package cn.hanzhong.rectification.platform.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Installs {@link OpenApiContract} for every {@code @QuarkusTest} of every service (found by Quarkus'
 * service loader): the document is read once from the running service's {@code /q/openapi} at its first request, so no test
 * needs an extra line. {@code -Dopenapi.contract=off} turns it off for a run.
 */
public class OpenApiContractCallback implements QuarkusTestBeforeEachCallback {

    private static OpenApiContract contract;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if ("off".equals(System.getProperty("openapi.contract"))) {
            return;
        }
        synchronized (OpenApiContractCallback.class) {
            if (contract == null) {
                contract = new OpenApiContract();
            }
            for (Filter f : RestAssured.filters()) {
                if (f == contract) {
                    return;
                }
            }
            RestAssured.filters(contract);
        }
    }
}
