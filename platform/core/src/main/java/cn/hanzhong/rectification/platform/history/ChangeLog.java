package cn.hanzhong.rectification.platform.history;

import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Objects;

/**
 * Fills history lines: the caller from the request's token (or {@value #SYSTEM} in scheduled jobs),
 * the time, and values as text (lists joined with ", ").
 */
@ApplicationScoped
public class ChangeLog {

    public static final String SYSTEM = "system";

    private final ProgrammeClock clock;

    public ChangeLog(ProgrammeClock clock) {
        this.clock = clock;
    }

    /**
     * Fills {@code entry}; returns {@code false} (and leaves it unfilled) when {@code field} is given
     * and its value did not really change, so nothing should be written.
     */
    public boolean fill(ChangeLogEntry entry, String action, String field, Object oldValue, Object newValue,
                        String reason) {
        String before = text(oldValue);
        String after = text(newValue);
        if (field != null && Objects.equals(before, after)) {
            return false;
        }
        entry.at = clock.now();
        entry.action = action;
        entry.field = field;
        entry.oldValue = before;
        entry.newValue = after;
        entry.reason = reason;
        CurrentUser user = Arc.container().requestContext().isActive()
                ? Arc.container().instance(CurrentUser.class).get() : null;
        if (user != null && !user.isAnonymous()) {
            entry.actor = user.subject();
            entry.actorName = user.name();
            entry.actorUnit = user.unit().orElse(null);
        } else {
            entry.actor = SYSTEM;
        }
        return true;
    }

    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }
}
