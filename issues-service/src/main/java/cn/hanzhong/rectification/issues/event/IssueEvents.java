package cn.hanzhong.rectification.issues.event;

import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The payload records published on {@value #TOPIC} (key = issue id). Each flattens
 * {@link IssueFacts} into its top level and adds what is specific to the change.
 */
public final class IssueEvents {

    public static final String TOPIC = "rectification.issues";

    public static final String REGISTERED = "issue.registered";
    public static final String ASSIGNED = "issue.assigned";
    public static final String STATUS_CHANGED = "issue.status-changed";
    public static final String DEADLINE_CHANGED = "issue.deadline-changed";
    public static final String PROGRESS_REPORTED = "issue.progress-reported";
    public static final String SIGNED_OFF = "issue.signed-off";
    public static final String REOPENED = "issue.reopened";
    public static final String PAPER_RECTIFICATION_FOUND = "issue.paper-rectification-found";
    public static final String OVERDUE = "issue.overdue";
    public static final String EXTENSION_REQUESTED = "issue.extension-requested";
    public static final String EXTENSION_DECIDED = "issue.extension-decided";

    private IssueEvents() {
    }

    public record IssueRegistered(@JsonUnwrapped IssueFacts issue, String externalId) {
    }

    public record IssueAssigned(@JsonUnwrapped IssueFacts issue, LocalDate assignedOn, String deadlineRule) {
    }

    public record IssueStatusChanged(@JsonUnwrapped IssueFacts issue, IssueStatus from, IssueStatus to,
                                     IssueAction action, String actorUnit, String reason) {
    }

    public record IssueDeadlineChanged(@JsonUnwrapped IssueFacts issue, LocalDate oldDeadline,
                                       LocalDate newDeadline, String reason) {
    }

    public record IssueProgressReported(@JsonUnwrapped IssueFacts issue, String period, int percent) {
    }

    public record IssueSignedOff(@JsonUnwrapped IssueFacts issue, String acceptedBy, LocalDate acceptedOn,
                                 boolean onTime) {
    }

    /** {@code action}: REOPEN (the office), LOOK_BACK_RECURRED or LOOK_BACK_PAPER_RECTIFICATION (a look-back check). */
    public record IssueReopened(@JsonUnwrapped IssueFacts issue, String reason, IssueAction action) {
    }

    /** A look-back check found the rectification fake or superficial (虚假整改、表面整改); the issue was reopened. */
    public record IssuePaperRectificationFound(@JsonUnwrapped IssueFacts issue, UUID lookBackId, UUID checkId,
                                               String checkerUnit, LocalDate checkedOn, String findings) {
    }

    public record IssueOverdue(@JsonUnwrapped IssueFacts issue, LocalDate overdueSince) {
    }

    public record IssueExtensionRequested(@JsonUnwrapped IssueFacts issue, UUID extensionId,
                                          LocalDate proposedDeadline, String reason) {
    }

    /** {@code decision} is {@code APPROVED} or {@code REJECTED}; an approval is followed by {@code issue.deadline-changed}. */
    public record IssueExtensionDecided(@JsonUnwrapped IssueFacts issue, UUID extensionId, String decision,
                                        LocalDate proposedDeadline, String note) {
    }
}
