package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.WarningLight;

import java.time.LocalDate;
import java.util.Set;

/**
 * Criteria of an issue search; empty sets and nulls do not filter. Built by name:
 * {@code IssueFilter.builder().statuses(...).leadUnit("HTQ").build()}.
 *
 * @param unit          issues where this unit is lead or cooperating unit
 * @param visibleToUnit the caller's own unit when it may only see its issues (applied like {@code unit})
 * @param excluded      statuses never returned (e.g. cancelled issues on the public list)
 * @param publicSearch  {@code q} matches only what the public list shows (code and title), never the description
 */
public record IssueFilter(Set<IssueStatus> statuses, Set<Category> categories, Set<IssueSource> sources,
                          String leadUnit, String unit, String district, WarningLight warningLight,
                          Boolean overdue, LocalDate deadlineFrom, LocalDate deadlineTo, String q,
                          String visibleToUnit, Set<IssueStatus> excluded, boolean publicSearch) {

    public static Builder builder() {
        return new Builder();
    }

    /** The same criteria, seen by a caller who may only see the issues of {@code unitCode}. */
    public IssueFilter visibleTo(String unitCode) {
        return new IssueFilter(statuses, categories, sources, leadUnit, unit, district, warningLight, overdue,
                deadlineFrom, deadlineTo, q, unitCode, excluded, publicSearch);
    }

    /** Named criteria; what is not set does not filter. */
    public static final class Builder {
        private Set<IssueStatus> statuses = Set.of();
        private Set<Category> categories = Set.of();
        private Set<IssueSource> sources = Set.of();
        private Set<IssueStatus> excluded = Set.of();
        private boolean publicSearch;
        private String leadUnit;
        private String unit;
        private String district;
        private WarningLight warningLight;
        private Boolean overdue;
        private LocalDate deadlineFrom;
        private LocalDate deadlineTo;
        private String q;

        private Builder() {
        }

        public Builder statuses(Set<IssueStatus> v) { statuses = v; return this; }

        /** Deadlines on or after {@code from} and on or before {@code to}; either may be {@code null}. */
        public Builder deadlineBetween(LocalDate from, LocalDate to) {
            deadlineFrom = from;
            deadlineTo = to;
            return this;
        }

        public Builder categories(Set<Category> v) { categories = v; return this; }

        public Builder sources(Set<IssueSource> v) { sources = v; return this; }

        public Builder excluding(Set<IssueStatus> v) { excluded = v; return this; }

        /** {@code q} searches the public fields only. */
        public Builder publicSearch() { publicSearch = true; return this; }

        public Builder leadUnit(String v) { leadUnit = v; return this; }

        public Builder unit(String v) { unit = v; return this; }

        public Builder district(String v) { district = v; return this; }

        public Builder warningLight(WarningLight v) { warningLight = v; return this; }

        public Builder overdue(Boolean v) { overdue = v; return this; }


        public Builder q(String v) { q = v; return this; }

        public IssueFilter build() {
            return new IssueFilter(statuses, categories, sources, leadUnit, unit, district, warningLight, overdue,
                    deadlineFrom, deadlineTo, q, null, excluded, publicSearch);
        }
    }
}
