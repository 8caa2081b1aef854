package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.WarningLight;

import java.time.LocalDate;
import java.util.Set;

/**
 * Criteria of an issue search; empty sets and nulls do not filter.
 *
 * @param unit          issues where this unit is lead or cooperating unit
 * @param visibleToUnit the caller's own unit when it may only see its issues (applied like {@code unit})
 * @param excluded      statuses never returned (e.g. cancelled issues on the public list)
 */
public record IssueFilter(Set<IssueStatus> statuses, Set<Category> categories, Set<IssueSource> sources,
                          String leadUnit, String unit, String district, WarningLight warningLight,
                          Boolean overdue, LocalDate deadlineFrom, LocalDate deadlineTo, String q,
                          String visibleToUnit, Set<IssueStatus> excluded) {

    public IssueFilter visibleTo(String unitCode) {
        return new IssueFilter(statuses, categories, sources, leadUnit, unit, district, warningLight, overdue,
                deadlineFrom, deadlineTo, q, unitCode, excluded);
    }
}
