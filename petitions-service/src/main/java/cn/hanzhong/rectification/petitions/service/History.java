package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.HistoryEntry;
import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Objects;

/** Appends to a petition's history. Callers never pass reporter data. */
@ApplicationScoped
public class History {

    private final HistoryEntryRepository repository;

    public History(HistoryEntryRepository repository) {
        this.repository = repository;
    }

    public void action(Petition p, String action, String reason) {
        append(p, action, null, null, null, reason);
    }

    public void change(Petition p, String action, String field, Object oldValue, Object newValue, String reason) {
        if (Objects.equals(text(oldValue), text(newValue))) {
            return;
        }
        append(p, action, field, text(oldValue), text(newValue), reason);
    }

    private void append(Petition p, String action, String field, String oldValue, String newValue, String reason) {
        HistoryEntry e = new HistoryEntry();
        e.petitionId = p.id;
        e.at = OffsetDateTime.now();
        e.action = action;
        e.field = field;
        e.oldValue = oldValue;
        e.newValue = newValue;
        e.reason = reason;
        CurrentUser user = Arc.container().requestContext().isActive()
                ? Arc.container().instance(CurrentUser.class).get() : null;
        if (user != null && !user.isAnonymous()) {
            e.actor = user.subject();
            e.actorName = user.name();
            e.actorUnit = user.unit().orElse(null);
        } else {
            e.actor = "system";
        }
        repository.persist(e);
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
