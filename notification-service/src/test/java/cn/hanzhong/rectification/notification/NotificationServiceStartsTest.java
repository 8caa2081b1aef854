package cn.hanzhong.rectification.notification;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.ServiceContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class NotificationServiceStartsTest {

    @Test
    void servesHealthOpenApiAndProblems() {
        ServiceContract.assertServes("Notification service");
    }
}
