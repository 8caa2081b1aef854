package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Actor;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.repository.LookBackCheckRepository;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
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
    private final CurrentUser user;
    private final LookBackCheckRepository checks;

    public IssueAccess(UnitScope scope, CurrentUser user, LookBackCheckRepository checks) {
        this.scope = scope;
        this.user = user;
        this.checks = checks;
    }

    public Optional<String> restrictedToUnit() {
        return scope.restrictedToUnit();
    }

    /** 404 unless the caller may read the issue: its units, and a unit that holds an open look-back check of it. */
    public Issue readable(Issue issue, UUID id) {
        if (issue != null && checksIt(issue)) {
            return issue;
        }
        return scope.readable(issue, issue == null ? Set.of() : issue.involvedUnits(), "Issue", id);
    }

    /** Whether the caller is a unit user whose unit holds an open look-back check of the issue (回头看核查单位). */
    public boolean checksIt(Issue issue) {
        Optional<String> unit = user.unit();
        return user.hasRole(Roles.UNIT) && unit.isPresent() && !issue.involvedUnits().contains(unit.get())
                && checks.checks(issue.id, unit.get());
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
