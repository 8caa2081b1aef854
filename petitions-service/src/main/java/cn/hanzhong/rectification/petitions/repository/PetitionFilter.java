package cn.hanzhong.rectification.petitions.repository;

import cn.hanzhong.rectification.petitions.domain.Completion;
import cn.hanzhong.rectification.petitions.domain.District;
import cn.hanzhong.rectification.petitions.domain.Finding;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.petitions.domain.PollutionType;

import java.time.LocalDate;
import java.util.Set;

/** Criteria of a petition search, built by name ({@link #builder()}); empty sets and nulls do not filter. */
public record PetitionFilter(Set<Integer> batches, Set<PetitionStatus> statuses, Set<District> districts,
                             Set<PollutionType> pollutionTypes, Set<Finding> findings, Set<Completion> completions,
                             String leadUnit, String unit, Boolean priority, Boolean overdue,
                             LocalDate receivedFrom, LocalDate receivedTo, String q, String visibleToUnit,
                             boolean publishedOnly) {

    public PetitionFilter visibleTo(String unitCode) {
        return new PetitionFilter(batches, statuses, districts, pollutionTypes, findings, completions, leadUnit, unit,
                priority, overdue, receivedFrom, receivedTo, q, unitCode, publishedOnly);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named criteria; what is not set does not filter. */
    public static final class Builder {
        private Set<Integer> batches = Set.of();
        private Set<PetitionStatus> statuses = Set.of();
        private Set<District> districts = Set.of();
        private Set<PollutionType> pollutionTypes = Set.of();
        private Set<Finding> findings = Set.of();
        private Set<Completion> completions = Set.of();
        private String leadUnit;
        private String unit;
        private Boolean priority;
        private Boolean overdue;
        private LocalDate receivedFrom;
        private LocalDate receivedTo;
        private String q;
        private boolean publishedOnly;

        private Builder() {
        }

        public Builder batches(Set<Integer> v) { batches = v; return this; }

        public Builder statuses(Set<PetitionStatus> v) { statuses = v; return this; }

        /** Received on or after {@code from} and on or before {@code to}; either may be {@code null}. */
        public Builder receivedBetween(LocalDate from, LocalDate to) {
            receivedFrom = from;
            receivedTo = to;
            return this;
        }

        public Builder districts(Set<District> v) { districts = v; return this; }

        public Builder pollutionTypes(Set<PollutionType> v) { pollutionTypes = v; return this; }

        public Builder findings(Set<Finding> v) { findings = v; return this; }

        public Builder completions(Set<Completion> v) { completions = v; return this; }

        public Builder leadUnit(String v) { leadUnit = v; return this; }

        public Builder unit(String v) { unit = v; return this; }

        public Builder priority(Boolean v) { priority = v; return this; }

        public Builder overdue(Boolean v) { overdue = v; return this; }


        public Builder q(String v) { q = v; return this; }

        /** Only published cases (the public disclosure). */
        public Builder publishedOnly() { publishedOnly = true; return this; }

        public PetitionFilter build() {
            return new PetitionFilter(batches, statuses, districts, pollutionTypes, findings, completions, leadUnit,
                    unit, priority, overdue, receivedFrom, receivedTo, q, null, publishedOnly);
        }
    }
}
