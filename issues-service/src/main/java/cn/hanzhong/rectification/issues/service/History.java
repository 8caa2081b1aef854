package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.HistoryEntry;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Objects;

/** Appends to an issue's history, attributing the change to the caller (or the system, in jobs). */
@ApplicationScoped
public class History {

    public static final String SYSTEM = "system";

    private final HistoryEntryRepository repository;

    public History(HistoryEntryRepository repository) {
        this.repository = repository;
    }

    /** Records an action without a field change. */
    public void action(Issue issue, String action, String reason) {
        append(issue, action, null, null, null, reason);
    }

    /** Records a field change if the value really changed. */
    public void change(Issue issue, String action, String field, Object oldValue, Object newValue, String reason) {
        if (Objects.equals(text(oldValue), text(newValue))) {
            return;
        }
        append(issue, action, field, text(oldValue), text(newValue), reason);
    }

    private void append(Issue issue, String action, String field, String oldValue, String newValue, String reason) {
        HistoryEntry e = new HistoryEntry();
        e.issueId = issue.id;
        e.at = OffsetDateTime.now();
        e.action = action;
        e.field = field;
        e.oldValue = oldValue;
        e.newValue = newValue;
        e.reason = reason;
        CurrentUser user = currentUser();
        if (user != null && !user.isAnonymous()) {
            e.actor = user.subject();
            e.actorName = user.name();
            e.actorUnit = user.unit().orElse(null);
        } else {
            e.actor = SYSTEM;
        }
        repository.persist(e);
    }

    private static CurrentUser currentUser() {
        return Arc.container().requestContext().isActive() ? Arc.container().instance(CurrentUser.class).get() : null;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Collection<?> c) {
            return String.join(", ", c.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }
}
