package cn.hanzhong.rectification.issues.service.command;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** A monthly dispatch report (按月调度); a draft can be replaced by a later report for the same month. */
public record ReportProgress(YearMonth period, int percent, String narrative, List<String> completedMeasures,
                             String difficulties, String nextSteps, boolean draft,
                             List<UUID> evidenceIds) {
}
