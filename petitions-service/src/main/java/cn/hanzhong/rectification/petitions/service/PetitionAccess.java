package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Actor;
import cn.hanzhong.rectification.petitions.domain.Petition;
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
 * Object-level access to petitions: office, leaders and the provincial system see all; a unit only
 * the petitions where it is lead or cooperating unit (others are "not found").
 */
@ApplicationScoped
public class PetitionAccess {

    private final CurrentUser user;

    public PetitionAccess(CurrentUser user) {
        this.user = user;
    }

    public boolean seesEverything() {
        return user.hasAnyRole(Roles.OFFICE, Roles.LEADER, Roles.PROVINCE);
    }

    public Optional<String> restrictedToUnit() {
        return seesEverything() ? Optional.empty() : Optional.of(user.unit().orElse("\u0000no-unit"));
    }

    public Petition readable(Petition p, UUID id) {
        if (p == null || !(seesEverything() || user.belongsToAny(p.involvedUnits()))) {
            throw new ResourceNotFoundException("Petition", id);
        }
        return p;
    }

    public Set<Actor> actorsFor(Petition p) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        if (user.hasRole(Roles.OFFICE)) {
            actors.add(Actor.OFFICE);
        }
        if (user.hasRole(Roles.UNIT) && p.leadUnit != null && user.unit().filter(p.leadUnit::equals).isPresent()) {
            actors.add(Actor.LEAD_UNIT);
        }
        return actors;
    }

    public void requireOffice() {
        if (!user.hasRole(Roles.OFFICE)) {
            throw new ForbiddenException("Only the rectification office may do this");
        }
    }
}
