package cn.hanzhong.rectification.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox backlog. Pending events never make the service unready: writes must keep
 * succeeding while the broker is away, which is the point of the outbox.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox").up()
                .withData("pending", relay.pendingCount());
        if (relay.lastSuccess() != null) {
            b.withData("lastSent", relay.lastSuccess().toString());
        }
        if (relay.lastError() != null) {
            b.withData("lastError", relay.lastError());
        }
        return b.build();
    }
}
