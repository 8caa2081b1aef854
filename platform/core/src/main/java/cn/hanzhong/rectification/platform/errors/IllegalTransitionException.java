package cn.hanzhong.rectification.platform.errors;

import java.util.List;
import java.util.Map;

/** 409: an action that the current state (or the caller's role) does not allow; lists what is allowed. */
public class IllegalTransitionException extends ProblemException {

    private final String currentStatus;
    private final List<String> allowedActions;

    public IllegalTransitionException(String action, String currentStatus, List<String> allowedActions) {
        super(409, "illegal-transition", "Action not allowed in this state",
                "Action " + action + " is not allowed while the status is " + currentStatus
                        + (allowedActions.isEmpty() ? "; no action is allowed now"
                        : "; allowed: " + String.join(", ", allowedActions)));
        this.currentStatus = currentStatus;
        this.allowedActions = List.copyOf(allowedActions);
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("currentStatus", currentStatus, "allowedActions", allowedActions);
    }
}
