package cn.hanzhong.rectification.petitions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Settings of the petitions service ({@code petitions.*}). */
@ConfigMapping(prefix = "petitions")
public interface PetitionsConfig {

    /** Base64 of the 32-byte AES key that encrypts reporters' personal data (never committed). */
    String reporterKey();

    /** Id of {@link #reporterKey()}, stored with each value for rotation. */
    @WithDefault("k1")
    String reporterKeyId();

    /** Earlier keys still needed to read old values: {@code id=base64,id=base64}. */
    Optional<String> previousReporterKeys();

    /** Deadline rule of a batch that names none: working days from assignment. */
    @WithDefault("15")
    int defaultDeadlineWorkingDays();

    @WithDefault("500")
    int overdueBatchSize();

    /** The figures published for the bulletins ({@code petitions.stats.*}, event {@code petition.stats-published}). */
    StatsSettings stats();


    /** Reconciliation with the provincial system by 受理编号 ({@code petitions.reconciliation.*}). */
    ReconciliationSettings reconciliation();

    interface ReconciliationSettings {

        /** The URL the province's list of forwarded cases (CSV or XLSX) is fetched from at night; none: files only. */
        Optional<java.net.URI> url();

        /** Hosts the list may be fetched from (an allow-list, as for webhooks). */
        Optional<java.util.List<String>> allowedHosts();

        /** When the nightly reconciliation runs (cron, Asia/Shanghai); {@code off} disables it. */
        @WithDefault("0 40 2 * * ?")
        String cron();
    }

    interface StatsSettings {

        /** How often the figures are computed and published when they changed; {@code off} disables it. */
        @WithDefault("1m")
        String publishEvery();

        /** The wait after start-up before the first publication. */
        @WithDefault("10s")
        String publishDelay();
    }
}
