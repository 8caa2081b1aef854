package cn.hanzhong.rectification.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox and its relay ({@code platform.outbox.*}). */
@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of this service, e.g. {@code /issues-service}. */
    String source();

    /** Whether this instance runs a relay (several may; they share the work safely). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Longest wait between polls when no notification arrives (a safety net for lost notifications). */
    @WithDefault("2s")
    Duration pollInterval();

    /** Rows taken per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker's acknowledgements of one batch. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** The wait after a failed batch, doubled per consecutive failure up to {@link #maxBackoff()}. */
    @WithDefault("500ms")
    Duration backoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** Sent rows older than this are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
