package cn.hanzhong.rectification.accountability.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the accountability service ({@code accountability.*}). */
@ConfigMapping(prefix = "accountability")
public interface AccountabilityConfig {

    /** Days an issue may stay overdue without sign-off before a case is proposed. */
    @WithDefault("30")
    int overdueDaysBeforeProposal();

    /** Rejected acceptance requests from which a case is proposed (suspected 搞变通、打折扣). */
    @WithDefault("2")
    int rejectionsBeforeProposal();
}
