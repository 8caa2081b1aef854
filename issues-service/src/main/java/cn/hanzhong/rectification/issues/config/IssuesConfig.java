package cn.hanzhong.rectification.issues.config;

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

    /** When last month's ledger snapshot is taken if missing (cron, Asia/Shanghai); {@code off} disables it. */
    @WithDefault("0 10 0 * * ?")
    String snapshotCron();

    /** The programme's name, heading the ledger sheet (followed by 整改台账). */
    @WithDefault("汉中市省生态环境保护督察反馈问题")
    String programmeName();
}
