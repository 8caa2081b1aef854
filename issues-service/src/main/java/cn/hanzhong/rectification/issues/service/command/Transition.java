package cn.hanzhong.rectification.issues.service.command;

import cn.hanzhong.rectification.issues.domain.IssueAction;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A move in an issue's life, with what the action needs: ASSIGN an {@link Assignment},
 * REQUEST_ACCEPTANCE the {@link Evidence}, ACCEPT an {@link Acceptance}; REJECT, CANCEL and REOPEN a
 * {@code reason}. Parts an action does not use are ignored.
 */
public record Transition(IssueAction action, String reason, Assignment assignment, Evidence evidence,
                         Acceptance acceptance, Integer progressPercent) {

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
