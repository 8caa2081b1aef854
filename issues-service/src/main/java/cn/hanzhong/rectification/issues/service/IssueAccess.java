package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Actor;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.platform.security.UnitScope;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Object-level access to issues (see {@link UnitScope}); only the lead unit acts as
 * {@link Actor#LEAD_UNIT}.
 */
@ApplicationScoped
public class IssueAccess {

    private final UnitScope scope;

    public IssueAccess(UnitScope scope) {
        this.scope = scope;
    }

    public Optional<String> restrictedToUnit() {
        return scope.restrictedToUnit();
    }

    /** 404 unless the caller may read the issue. */
    public Issue readable(Issue issue, UUID id) {
        return scope.readable(issue, issue == null ? Set.of() : issue.involvedUnits(), "Issue", id);
    }

    public Set<Actor> actorsFor(Issue issue) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        if (scope.actsForOffice()) {
            actors.add(Actor.OFFICE);
        }
        if (scope.actsForLeadUnit(issue.leadUnit)) {
            actors.add(Actor.LEAD_UNIT);
        }
        return actors;
    }

    /** 403 unless the caller acts for the issue's lead unit. */
    public void requireLeadUnit(Issue issue) {
        if (!scope.actsForLeadUnit(issue.leadUnit)) {
            throw new ForbiddenException("Only the lead unit " + issue.leadUnit + " may do this");
        }
    }

    public void requireOffice() {
        scope.requireOffice();
    }
}
