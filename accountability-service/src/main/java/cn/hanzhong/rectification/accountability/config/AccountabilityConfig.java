package cn.hanzhong.rectification.accountability.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/** Settings of the accountability service ({@code accountability.*}). */
@ConfigMapping(prefix = "accountability")
public interface AccountabilityConfig {

    /** Days an issue may stay overdue without sign-off before a case is proposed. */
    @WithDefault("30")
    int overdueDaysBeforeProposal();

    /** Rejected acceptance requests from which a case is proposed (suspected 搞变通、打折扣). */
    @WithDefault("2")
    int rejectionsBeforeProposal();

    /** Returns (退办) of one supervision order from which a case is proposed. */
    @WithDefault("2")
    int returnsBeforeProposal();

    /**
     * The legal basis (catalogue code) suggested for proposals of each source, e.g.
     * {@code accountability.suggested-legal-basis.OVERDUE_RECTIFICATION=CPC-ACC-7}.
     */
    Map<String, String> suggestedLegalBasis();

    /** The figures published for the bulletins ({@code accountability.stats.*}, event {@code accountability.stats-published}). */
    StatsSettings stats();


    interface StatsSettings {

        /** How often the figures are computed and published when they changed; {@code off} disables it. */
        @WithDefault("1m")
        String publishEvery();

        /** The wait after start-up before the first publication. */
        @WithDefault("10s")
        String publishDelay();
    }
}
