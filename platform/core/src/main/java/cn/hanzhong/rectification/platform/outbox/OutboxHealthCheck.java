package cn.hanzhong.rectification.platform.outbox;

import cn.hanzhong.rectification.platform.kafka.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.HealthGroup;

/**
 * Reports the broker and the outbox backlog in the health group {@code broker}
 * ({@code /q/health/group/broker}), not in readiness: writes keep succeeding while the broker is
 * away, which is the point of the outbox, so the broker never takes the service out of rotation.
 */
@HealthGroup("broker")
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;
    private final KafkaClients kafka;
    private Admin admin;

    public OutboxHealthCheck(OutboxRelay relay, KafkaClients kafka) {
        this.relay = relay;
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        boolean reachable = brokerReachable();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("broker and outbox").status(reachable)
                .withData("broker", reachable ? "reachable" : "unreachable")
                .withData("pending", relay.pendingCount());
        if (relay.lastSuccess() != null) {
            b.withData("lastSent", relay.lastSuccess().toString());
        }
        if (relay.lastError() != null) {
            b.withData("lastError", relay.lastError());
        }
        return b.build();
    }

    private synchronized boolean brokerReachable() {
        try {
            if (admin == null) {
                Map<String, Object> settings = kafka.common();
                settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
                settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
                admin = Admin.create(settings);
            }
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
