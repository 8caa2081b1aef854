package cn.hanzhong.rectification.issues.event;

import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.ResponsibleOfficial;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What every issue event carries so consumers can act without calling back: identity, units,
 * deadline (and whether it is still provisional: counted in working days through a year whose holiday
 * notice is not loaded yet), status and progress, and the officials responsible for it (acting in
 * office: accountability proposes them as subjects; consumers keep them out of public output). Never
 * petitioners' or reporters' personal data.
 */
public record IssueFacts(UUID id, String code, String title, Category category, IssueSource source,
                         String leadUnit, List<String> cooperatingUnits, LocalDate deadline,
                         boolean deadlineProvisional, IssueStatus status, int progressPercent, int rejectionCount,
                         List<ResponsibleOfficial> responsibleOfficials) {

    public static IssueFacts of(Issue i) {
        return new IssueFacts(i.id, i.code, i.title, i.category, i.source, i.leadUnit,
                List.copyOf(i.cooperatingUnits), i.deadline, i.deadlineProvisional(), i.status, i.progressPercent,
                i.rejectionCount, List.copyOf(i.responsibleOfficials));
    }
}
