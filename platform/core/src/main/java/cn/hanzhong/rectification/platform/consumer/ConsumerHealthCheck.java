package cn.hanzhong.rectification.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the event consumer waits for a transient failure to pass (the database away): an
 * instance that cannot apply events should not take traffic that expects their effects.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {

    private final EventConsumer consumer;

    public ConsumerHealthCheck(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event-consumer");
        if (!consumer.consumes()) {
            return b.up().withData("topics", "none").build();
        }
        b.withData("group", consumer.group()).withData("topics", String.join(",", consumer.topics()))
                .withData("applied", consumer.appliedCount());
        if (consumer.lastBatch() != null) {
            b.withData("lastBatch", consumer.lastBatch().toString());
        }
        var waiting = consumer.waitingSince();
        if (waiting.isPresent()) {
            return b.down().withData("waitingSince", waiting.get().toString())
                    .withData("failures", consumer.consecutiveFailures())
                    .withData("lastError", String.valueOf(consumer.lastError())).build();
        }
        return b.up().build();
    }
}
