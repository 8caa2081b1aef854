package cn.hanzhong.rectification.platform.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of the event consumer ({@code platform.consumer.*}). */
@ConfigMapping(prefix = "platform.consumer")
public interface ConsumerConfig {

    /** The consumer group and inbox name; defaults to {@code quarkus.application.name}. */
    Optional<String> group();

    /** Whether this instance consumes (several instances share the partitions of a group). */
    @WithDefault("true")
    boolean enabled();

    /** Records applied per transaction at most. */
    @WithDefault("500")
    int maxBatch();

    /** The first wait after a transient failure, doubled per consecutive failure up to {@link #maxBackoff()}. */
    @WithDefault("250ms")
    Duration backoff();

    @WithDefault("10s")
    Duration maxBackoff();

    /** Whether {@code POST /api/v1/dead-letters/redrive} is served (services that consume events set it). */
    @WithDefault("false")
    boolean deadLetterApi();

    /** How long a dead-letter send may wait for the broker's acknowledgement. */
    @WithDefault("30s")
    Duration sendTimeout();
}
