package cn.hanzhong.rectification.platform.lifecycle;

import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import io.quarkus.security.ForbiddenException;

import java.util.List;

/**
 * The two refusals every lifecycle makes before an action: 403 when the caller may not take it at
 * all, 409 (listing what the caller may do instead) when the current status does not allow it.
 * The rules themselves (who, from where, to where) stay in each service's action enum.
 */
public final class TransitionGuard {

    private TransitionGuard() {
    }

    /**
     * @param action           the action asked for
     * @param status           the aggregate's current status
     * @param refusal          why the caller may not take the action (the 403 detail), or {@code null} when it may
     * @param allowedFrom      whether {@code status} allows {@code action}
     * @param allowedForCaller the actions the caller may take from {@code status}, for the 409
     */
    public static void check(Enum<?> action, Enum<?> status, String refusal, boolean allowedFrom,
                             List<? extends Enum<?>> allowedForCaller) {
        if (refusal != null) {
            throw new ForbiddenException(refusal);
        }
        if (!allowedFrom) {
            throw new IllegalTransitionException(action.name(), status.name(),
                    allowedForCaller.stream().map(Enum::name).toList());
        }
    }
}
