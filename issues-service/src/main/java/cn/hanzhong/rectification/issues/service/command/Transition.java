package cn.hanzhong.rectification.issues.service.command;

import cn.hanzhong.rectification.issues.domain.IssueAction;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A move in an issue's life, with what the action needs: ASSIGN an {@link Assignment},
 * REQUEST_ACCEPTANCE the {@link Evidence}, VERIFY a {@link Verification}, ACCEPT an {@link Acceptance}
 * and a {@code reason} (why it is not published); REJECT, CANCEL and REOPEN a {@code reason}. Parts an
 * action does not use are ignored.
 */
public record Transition(IssueAction action, String reason, Assignment assignment, Evidence evidence,
                         Acceptance acceptance, Integer progressPercent, Verification verification) {

    public Transition(IssueAction action, String reason, Assignment assignment, Evidence evidence,
                      Acceptance acceptance, Integer progressPercent) {
        this(action, reason, assignment, evidence, acceptance, progressPercent, new Verification(null, null, null, null));
    }

    /** A move the service makes itself (the end of a public notice, an objection upheld). */
    public static Transition bySystem(IssueAction action, String reason, Acceptance acceptance) {
        return new Transition(action, reason, new Assignment(null, null, null, null), new Evidence(null, null, null),
                acceptance, null);
    }

    /**
     * The office's on-site verification (现场核查): when, by whom, its opinion (published with the notice)
     * and whether it passed; a failed verification is a REJECT.
     */
    public record Verification(java.time.LocalDate checkedOn, String checkedBy, String opinion, Boolean passed) {
    }

    /** Whom and by when (交办): a fixed {@code deadline} or {@code workingDays} from today, not both. */
    public record Assignment(String leadUnit, List<String> cooperatingUnits, LocalDate deadline, Integer workingDays) {
    }

    /** The lead unit's application for acceptance: evidence (佐证材料) and self-assessment (自评). */
    public record Evidence(String evidence, String selfAssessment, List<UUID> evidenceIds) {
    }

    /** The office's acceptance (验收): opinion, who accepted (default the caller) and when (default today). */
    public record Acceptance(String opinion, String acceptedBy, LocalDate acceptedOn) {
    }
}
