package cn.hanzhong.rectification.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Settings of the notification rules ({@code notification.*}); checked at start-up by {@link RuleSettings}. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** Working days before the deadline at which reminders go out (0 = on the day); any list of distinct values ≥ 0. */
    @WithDefault("7,3,1,0")
    List<Integer> reminderDays();

    /** Calendar days after the deadline at which the office and leaders are alerted; any list of distinct values ≥ 1. */
    @WithDefault("7,30")
    List<Integer> escalationDays();

    /** How often reminders and escalations are looked for (also read by the scheduler). */
    @WithDefault("15m")
    String scanEvery();

    @WithDefault("20s")
    String scanDelay();

    /** Open items read per transaction by the periodic scan. */
    @WithDefault("500")
    int scanPageSize();

    /**
     * From this month on the office is told when next year's holiday notice is not loaded yet (the
     * State Council publishes it in the last weeks of the year).
     */
    @WithDefault("11")
    int calendarReminderMonth();

    /** Day of the month on which lead units are reminded to report progress (按月调度). */
    @WithDefault("25")
    int monthlyDispatchDay();

    Streams streams();

    Webhooks webhooks();

    /** Live streams (server-sent events). */
    interface Streams {

        /** Open streams one person (token {@code sub}) may hold; the next gets 429. */
        @WithDefault("5")
        int maxPerPerson();

        /** Open streams one instance holds at most; the next gets 429. */
        @WithDefault("5000")
        int maxPerInstance();

        /** How often a stream gets a heartbeat comment (and expired tokens are closed). */
        @WithDefault("15s")
        Duration heartbeat();

        /** A safety net for a lost wake-up: streams look for new notices this often anyway. */
        @WithDefault("10s")
        Duration safetyPoll();

        /** The Retry-After of a 429. */
        @WithDefault("30s")
        Duration retryAfter();
    }

    /** Outgoing webhooks. */
    interface Webhooks {

        /** Hosts that may be called over plain http and skip the address check (e.g. a trusted local receiver). */
        @WithDefault("none")
        Set<String> allowedHosts();

        /** Base64 of the 32-byte AES key that encrypts the signing secrets at rest (never committed). */
        String secretKey();

        /** Id of {@link #secretKey()}, stored with each value for rotation. */
        @WithDefault("w1")
        String secretKeyId();

        /** Earlier keys still readable, {@code id=base64,...}. */
        Optional<String> previousSecretKeys();

        /** First retry delay; doubled per attempt, with jitter, up to {@link #maxBackoff()}. */
        @WithDefault("10s")
        Duration backoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** A receiver's Retry-After is honoured up to this long, so it cannot park deliveries forever. */
        @WithDefault("1h")
        Duration maxRetryAfter();

        /** Retries stop this long after the first attempt. */
        @WithDefault("24h")
        Duration giveUpAfter();

        @WithDefault("10s")
        Duration timeout();

        /** Deliveries sent concurrently per round (across subscriptions and items; in order within one item). */
        @WithDefault("64")
        int concurrency();

        /** How often due deliveries are sent (also read by the scheduler). */
        @WithDefault("1s")
        String dispatchEvery();
    }

    Bulletins bulletins();


    /** Bulletins (情况通报). */
    interface Bulletins {

        /** The day of the month on which the month before's bulletin is drawn and published (or any later day until it is). */
        @WithDefault("5")
        int monthlyDay();

        /** When that is checked (cron, Asia/Shanghai); {@code off} disables the monthly bulletin. */
        @WithDefault("0 0 9 * * ?")
        String cron();

        /** The prefix of the document number (文号): {@code <prefix>〔<year>〕<n>号}. */
        @WithDefault("汉整改通")
        String numberPrefix();

        /** The issuing office, printed in red at the head of the document and as its signature. */
        @WithDefault("汉中市生态环境保护督察整改工作领导小组办公室")
        String issuer();

        /** The addressees' line (主送). */
        @WithDefault("各县区委和县区政府，市委各部门，市级国家机关各部门，各管委会：")
        String addressees();
    }
}
