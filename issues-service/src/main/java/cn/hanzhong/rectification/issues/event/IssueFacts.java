package cn.hanzhong.rectification.issues.event;

import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.IssueStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What every issue event carries so consumers can act without calling back: identity, units,
 * deadline (and whether it is still provisional: counted in working days through a year whose holiday
 * notice is not loaded yet), status and progress. Never personal data.
 */
public record IssueFacts(UUID id, String code, String title, Category category, IssueSource source,
                         String leadUnit, List<String> cooperatingUnits, LocalDate deadline,
                         boolean deadlineProvisional, IssueStatus status, int progressPercent, int rejectionCount) {

    public static IssueFacts of(Issue i) {
        return new IssueFacts(i.id, i.code, i.title, i.category, i.source, i.leadUnit,
                List.copyOf(i.cooperatingUnits), i.deadline, i.deadlineProvisional(), i.status, i.progressPercent,
                i.rejectionCount);
    }
}
