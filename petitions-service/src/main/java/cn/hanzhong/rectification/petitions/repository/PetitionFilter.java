package cn.hanzhong.rectification.petitions.repository;

import cn.hanzhong.rectification.petitions.domain.Completion;
import cn.hanzhong.rectification.petitions.domain.District;
import cn.hanzhong.rectification.petitions.domain.Finding;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.petitions.domain.PollutionType;

import java.time.LocalDate;
import java.util.Set;

/** Criteria of a petition search; empty sets and nulls do not filter. */
public record PetitionFilter(Set<Integer> batches, Set<PetitionStatus> statuses, Set<District> districts,
                             Set<PollutionType> pollutionTypes, Set<Finding> findings, Set<Completion> completions,
                             String leadUnit, String unit, Boolean priority, Boolean overdue,
                             LocalDate receivedFrom, LocalDate receivedTo, String q, String visibleToUnit,
                             boolean publishedOnly) {

    public PetitionFilter visibleTo(String unitCode) {
        return new PetitionFilter(batches, statuses, districts, pollutionTypes, findings, completions, leadUnit, unit,
                priority, overdue, receivedFrom, receivedTo, q, unitCode, publishedOnly);
    }

    public static PetitionFilter published(Set<District> districts, Set<PollutionType> types, Set<Finding> findings,
                                           Set<Integer> batches, String q) {
        return new PetitionFilter(batches, Set.of(), districts, types, findings, Set.of(), null, null, null, null,
                null, null, q, null, true);
    }
}
