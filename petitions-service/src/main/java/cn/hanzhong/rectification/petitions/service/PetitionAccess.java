package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Actor;
import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.platform.security.UnitScope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Object-level access to petitions (see {@link UnitScope}). */
@ApplicationScoped
public class PetitionAccess {

    private final UnitScope scope;

    public PetitionAccess(UnitScope scope) {
        this.scope = scope;
    }

    public Optional<String> restrictedToUnit() {
        return scope.restrictedToUnit();
    }

    public Petition readable(Petition p, UUID id) {
        return scope.readable(p, p == null ? Set.of() : p.involvedUnits(), "Petition", id);
    }

    public Set<Actor> actorsFor(Petition p) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        if (scope.actsForOffice()) {
            actors.add(Actor.OFFICE);
        }
        if (scope.actsForLeadUnit(p.leadUnit)) {
            actors.add(Actor.LEAD_UNIT);
        }
        return actors;
    }

    public void requireOffice() {
        scope.requireOffice();
    }

    /** Whether the caller acts for the rectification office. */
    public boolean actsForOffice() {
        return scope.actsForOffice();
    }
}
