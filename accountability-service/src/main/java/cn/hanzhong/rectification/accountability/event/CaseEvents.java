package cn.hanzhong.rectification.accountability.event;

import cn.hanzhong.rectification.accountability.domain.AccountabilityCase;
import cn.hanzhong.rectification.accountability.domain.CaseSource;
import cn.hanzhong.rectification.accountability.domain.CaseStatus;
import cn.hanzhong.rectification.accountability.domain.Decision;
import cn.hanzhong.rectification.accountability.domain.Review;
import cn.hanzhong.rectification.accountability.domain.ReviewOutcome;
import cn.hanzhong.rectification.accountability.domain.Sanction;
import cn.hanzhong.rectification.accountability.domain.Subject;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Payload records on {@value #TOPIC} (key = case id): codes, ids and units, never personal names. */
public final class CaseEvents {

    public static final String TOPIC = "rectification.accountability";
    public static final String PROPOSED = "accountability.case-proposed";
    public static final String OPENED = "accountability.case-opened";
    public static final String DECIDED = "accountability.case-decided";
    public static final String CLOSED = "accountability.case-closed";
    public static final String REVIEWED = "accountability.case-reviewed";
    public static final String AMENDED = "accountability.case-amended";

    private CaseEvents() {
    }

    public record CaseFacts(UUID id, String code, CaseSource source, CaseStatus status, List<UUID> relatedIssues,
                            List<UUID> relatedPetitions, List<String> subjectUnits) {
        public static CaseFacts of(AccountabilityCase c) {
            return new CaseFacts(c.id, c.code, c.source, c.status, List.copyOf(c.relatedIssues),
                    List.copyOf(c.relatedPetitions),
                    c.subjects.stream().map(Subject::unit).filter(Objects::nonNull).distinct().toList());
        }
    }

    public record CaseProposed(@JsonUnwrapped CaseFacts accountabilityCase, String summary) {
    }

    public record CaseOpened(@JsonUnwrapped CaseFacts accountabilityCase) {
    }

    public record CaseDecided(@JsonUnwrapped CaseFacts accountabilityCase, List<Sanction> sanctions) {
        public static CaseDecided of(AccountabilityCase c) {
            return new CaseDecided(CaseFacts.of(c), c.decisions.stream().map(Decision::sanction).toList());
        }
    }

    public record CaseClosed(@JsonUnwrapped CaseFacts accountabilityCase) {
    }

    /** Subjects, legal bases, allegations or related issues and petitions changed before the decision. */
    public record CaseAmended(@JsonUnwrapped CaseFacts accountabilityCase) {
    }

    /** A decision reviewed (复核/申诉): the outcome for one subject and the sanctions now in force. */
    public record CaseReviewed(@JsonUnwrapped CaseFacts accountabilityCase, UUID subjectId, ReviewOutcome outcome,
                               Sanction sanctionBefore, Sanction sanctionAfter, List<Sanction> sanctions) {
        public static CaseReviewed of(AccountabilityCase c, Review r) {
            return new CaseReviewed(CaseFacts.of(c), r.subjectId(), r.outcome(), r.sanctionBefore(), r.sanctionAfter(),
                    c.decisions.stream().map(Decision::sanction).toList());
        }
    }
}
