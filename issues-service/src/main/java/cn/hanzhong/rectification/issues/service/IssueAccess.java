package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Actor;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Object-level access to issues. The office, leaders and the provincial system see every issue; a
 * unit sees only the issues where it is lead or cooperating unit, and any other is "not found" so
 * its existence is not revealed. Only the lead unit acts as {@link Actor#LEAD_UNIT}.
 */
@ApplicationScoped
public class IssueAccess {

    private final CurrentUser user;

    public IssueAccess(CurrentUser user) {
        this.user = user;
    }

    public boolean seesEverything() {
        return user.hasAnyRole(Roles.OFFICE, Roles.LEADER, Roles.PROVINCE);
    }

    /** The unit the caller is restricted to, when it may not see everything. */
    public Optional<String> restrictedToUnit() {
        if (seesEverything()) {
            return Optional.empty();
        }
        return Optional.of(user.unit().orElse("\u0000no-unit"));
    }

    /** 404 unless the caller may read the issue. */
    public Issue readable(Issue issue, UUID id) {
        if (issue == null || !(seesEverything() || user.belongsToAny(issue.involvedUnits()))) {
            throw new ResourceNotFoundException("Issue", id);
        }
        return issue;
    }

    public Set<Actor> actorsFor(Issue issue) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        if (user.hasRole(Roles.OFFICE)) {
            actors.add(Actor.OFFICE);
        }
        if (user.hasRole(Roles.UNIT) && issue.leadUnit != null && user.unit().filter(issue.leadUnit::equals).isPresent()) {
            actors.add(Actor.LEAD_UNIT);
        }
        return actors;
    }

    /** 403 unless the caller acts for the issue's lead unit. */
    public void requireLeadUnit(Issue issue) {
        if (!actorsFor(issue).contains(Actor.LEAD_UNIT)) {
            throw new ForbiddenException("Only the lead unit " + issue.leadUnit + " may do this");
        }
    }

    public void requireOffice() {
        if (!user.hasRole(Roles.OFFICE)) {
            throw new ForbiddenException("Only the rectification office may do this");
        }
    }
}
