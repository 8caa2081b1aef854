package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.service.command.IssueContent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Applies new content to an issue field by field: a field changes only when a value is given and
 * differs, and each change is a history line (old → new, why).
 */
@ApplicationScoped
public class ContentChanges {

    private final History history;

    public ContentChanges(History history) {
        this.history = history;
    }

    /** @return whether anything changed */
    public boolean apply(Issue issue, IssueContent c, String reason) {
        List<Boolean> changed = new ArrayList<>();
        changed.add(set(issue, "title", issue.title, c.title(), v -> issue.title = v, reason));
        changed.add(set(issue, "description", issue.description, c.description(), v -> issue.description = v, reason));
        changed.add(set(issue, "category", issue.category, c.category(), v -> issue.category = v, reason));
        changed.add(set(issue, "districts", issue.districts, c.districts(), v -> issue.districts = copy(v), reason));
        changed.add(set(issue, "target", issue.target, c.target(), v -> issue.target = v, reason));
        changed.add(set(issue, "requirements", issue.requirements, c.requirements(), v -> issue.requirements = v, reason));
        changed.add(set(issue, "measures", issue.measures, c.measures(), v -> issue.measures = copy(v), reason));
        changed.add(set(issue, "approach", issue.approach, c.approach(), v -> issue.approach = v, reason));
        changed.add(set(issue, "track", issue.track, c.track(), v -> issue.track = v, reason));
        changed.add(set(issue, "term", issue.term, c.term(), v -> issue.term = v, reason));
        changed.add(set(issue, "responsibleOfficials", issue.responsibleOfficials, c.responsibleOfficials(),
                v -> issue.responsibleOfficials = copy(v), reason));
        return changed.contains(Boolean.TRUE);
    }

    /** Sets one field if {@code proposed} is given and differs from {@code current}, with a history line. */
    public <T> boolean set(Issue issue, String field, T current, T proposed, Consumer<T> setter, String reason) {
        if (proposed == null || Objects.equals(current, proposed)) {
            return false;
        }
        history.change(issue, "UPDATED", field, current, proposed, reason);
        setter.accept(proposed);
        return true;
    }

    /** A mutable copy (the entity's collections are written back as arrays and JSON). */
    public static <T> List<T> copy(List<T> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    /** The cooperating units without the lead unit and without repeats. */
    public static List<String> withoutLead(List<String> cooperating, String lead) {
        return new ArrayList<>(copy(cooperating).stream().filter(c -> !c.equals(lead)).distinct().toList());
    }
}
