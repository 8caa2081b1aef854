package cn.hanzhong.rectification.notification;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.ServiceContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import cn.hanzhong.rectification.platform.kafka.KafkaClients;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class NotificationServiceStartsTest {

    @Inject
    KafkaClients kafka;

    @Test
    void servesHealthOpenApiAndProblems() {
        ServiceContract.assertServes("Notification service");
    }

    @Test
    void everyProducerIsDurable() {
        ServiceContract.assertDurableProducers(kafka.producers(), "notification-service-outbox", "notification-service-dlq");
    }
}
