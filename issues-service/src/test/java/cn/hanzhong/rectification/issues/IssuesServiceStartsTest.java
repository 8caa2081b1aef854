package cn.hanzhong.rectification.issues;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.ServiceContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class IssuesServiceStartsTest {

    @Test
    void servesHealthOpenApiAndProblems() {
        ServiceContract.assertServes("Issues service");
    }
}
