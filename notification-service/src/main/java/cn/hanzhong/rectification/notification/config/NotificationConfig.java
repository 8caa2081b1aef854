package cn.hanzhong.rectification.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Settings of the notification rules ({@code notification.*}). */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** Working days before the deadline at which reminders go out (0 = on the day). */
    @WithDefault("7,3,1,0")
    List<Integer> reminderDays();

    /** Calendar days after the deadline at which the office and leaders are alerted. */
    @WithDefault("7,30")
    List<Integer> escalationDays();

    /** How often the live stream looks for new notices. */
    @WithDefault("500")
    int streamPollMillis();

    /** How often the live stream sends a heartbeat comment. */
    @WithDefault("15")
    int heartbeatSeconds();

    /** How often reminders and escalations are looked for (also read by the scheduler). */
    @WithDefault("15m")
    String scanEvery();

    @WithDefault("20s")
    String scanDelay();

    /** Day of the month on which lead units are reminded to report progress (按月调度). */
    @WithDefault("25")
    int monthlyDispatchDay();

    Webhooks webhooks();

    /** Outgoing webhooks. */
    interface Webhooks {

        /** Hosts that may be called over plain http and skip the address check (e.g. a trusted local receiver). */
        @WithDefault("none")
        java.util.Set<String> allowedHosts();

        /** First retry delay; doubled per attempt, with jitter, up to {@link #maxBackoff()}. */
        @WithDefault("10s")
        java.time.Duration backoff();

        @WithDefault("1h")
        java.time.Duration maxBackoff();

        /** Retries stop this long after the first attempt. */
        @WithDefault("24h")
        java.time.Duration giveUpAfter();

        @WithDefault("10s")
        java.time.Duration timeout();

        /** How often due deliveries are sent (also read by the scheduler). */
        @WithDefault("2s")
        String dispatchEvery();
    }
}
