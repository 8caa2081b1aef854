package cn.hanzhong.rectification.issues.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the ledger ({@code issues.*}). */
@ConfigMapping(prefix = "issues")
public interface IssuesConfig {

    /** Days before the deadline in which an open issue shows BLUE. */
    @WithDefault("7")
    int warningWindowDays();

    /** Rows handled per transaction by the overdue watch. */
    @WithDefault("500")
    int overdueBatchSize();

    /** Rows of a ledger import applied in one transaction (1: each row in its own, as before chunks). */
    @WithDefault("100")
    int ledgerImportChunk();

    /** When last month's ledger snapshot is taken if missing (cron, Asia/Shanghai); {@code off} disables it. */
    @WithDefault("0 10 0 * * ?")
    String snapshotCron();

    /** The programme's name, heading the ledger sheet (followed by 整改台账). */
    @WithDefault("汉中市省生态环境保护督察反馈问题")
    String programmeName();

    /** Where the files of the dossiers go and what is taken ({@code issues.evidence.*}). */
    Evidence evidence();

    interface Evidence {

        /** {@code filesystem} (under {@link #directory()}) or {@code s3} (the {@code quarkus.s3.*} client, {@link #s3Bucket()}). */
        @WithDefault("filesystem")
        String store();

        /** The filesystem store's root; deploy/run puts it in its data folder. */
        @WithDefault("data/evidence")
        String directory();

        /** The S3 bucket of the s3 store. */
        @WithDefault("rectification-evidence")
        String s3Bucket();

        /** Whether the s3 store creates its bucket at start when it is missing. */
        @WithDefault("true")
        boolean s3CreateBucket();

        /** The largest file taken (413 above it); the upload endpoint's body limit follows it. */
        @WithDefault("50M")
        MemorySize maxFileSize();
    }

    /** Sign-off with public notice (销号公示) ({@code issues.sign-off.*}). */
    SignOff signOff();

    interface SignOff {

        /** Working days an item stays on public notice after its verification. */
        @WithDefault("5")
        int noticeWorkingDays();

        /** When notices whose window has passed are signed off (cron, Asia/Shanghai); {@code off} disables it. */
        @WithDefault("0 */10 * * * ?")
        String cron();

        /** Objections taken per client address and hour (429 beyond). */
        @WithDefault("5")
        int objectionsPerHour();

        /**
         * The key (base64, 32 bytes) objectors' contacts are encrypted with; deploy/run generates one per
         * data folder. Without it an objection is taken without a contact only.
         */
        java.util.Optional<String> objectionContactKey();
    }

    /** Unit implementation plans (整改实施方案) ({@code issues.plans.*}). */
    Plans plans();

    interface Plans {

        /** When the plans are due (the plan: 于9月底前报送). */
        @WithDefault("2021-09-30")
        java.time.LocalDate dueDate();

        /** Which kinds of unit owe a plan. */
        @WithDefault("COUNTY_DISTRICT,MANAGEMENT_COMMITTEE,CITY_DEPARTMENT")
        java.util.List<String> unitKinds();

        /** When the registry adds the units that owe a plan and announces overdue ones (cron); {@code off} disables it. */
        @WithDefault("0 15 0 * * ?")
        String cron();

        /** The same work soon after start and then every so often ({@code off} disables it). */
        @WithDefault("24h")
        String startupEvery();
    }

    /** Reconciliation with the provincial system ({@code issues.reconciliation.*}). */
    ReconciliationSettings reconciliation();

    interface ReconciliationSettings {

        /** The URL the province's list (CSV or XLSX) is fetched from at night; none: reconciliations come as files only. */
        java.util.Optional<java.net.URI> url();

        /** Hosts the list may be fetched from (as for webhooks, an allow-list). */
        java.util.Optional<java.util.List<String>> allowedHosts();

        /** When the nightly reconciliation runs (cron, Asia/Shanghai); {@code off} disables it. */
        @WithDefault("0 30 2 * * ?")
        String cron();
    }

    /** The figures published for the bulletins ({@code issues.stats.*}, event {@code issue.stats-published}). */
    StatsSettings stats();


    interface StatsSettings {

        /** How often the figures are computed and published when they changed; {@code off} disables it. */
        @WithDefault("1m")
        String publishEvery();

        /** The wait after start-up before the first publication. */
        @WithDefault("10s")
        String publishDelay();

        /** Overdue issues listed in the figures (the red list), the longest overdue first. */
        @WithDefault("500")
        int overdueListLimit();
    }
}
