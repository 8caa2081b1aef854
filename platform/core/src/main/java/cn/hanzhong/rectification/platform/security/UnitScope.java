package cn.hanzhong.rectification.platform.security;

import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Object-level access to records that belong to units (issues, petitions): the office, leaders and
 * the provincial system see all; a unit user sees only records where its unit is involved, and any
 * other record is "not found" so its existence is not revealed.
 */
@ApplicationScoped
public class UnitScope {

    private static final String NO_UNIT = "\u0000no-unit";

    private final CurrentUser user;
    private final ReadGrants grants;

    public UnitScope(CurrentUser user, ReadGrants grants) {
        this.user = user;
        this.grants = grants;
    }

    public boolean seesEverything() {
        return user.hasAnyRole(Roles.OFFICE, Roles.LEADER, Roles.PROVINCE);
    }

    /** The unit a list must be restricted to, when the caller may not see everything. */
    public Optional<String> restrictedToUnit() {
        return seesEverything() ? Optional.empty() : Optional.of(user.unit().orElse(NO_UNIT));
    }

    /**
     * {@code record}, or 404 when it is missing or the caller's unit is not among {@code involvedUnits}.
     * The discipline body reads a record only through a {@link ReadGrants grant} (a case that names
     * it), audited; lists stay closed to it ({@link #restrictedToUnit()}).
     */
    public <T> T readable(T record, Collection<String> involvedUnits, String what, Object id) {
        if (record != null && (seesEverything() || user.belongsToAny(involvedUnits))) {
            return record;
        }
        if (record != null && user.hasRole(Roles.DISCIPLINE) && id instanceof UUID item && grants.admits(item)) {
            return record;
        }
        throw new ResourceNotFoundException(what, id);
    }

    /** Whether the caller is a unit user of {@code leadUnit}. */
    public boolean actsForLeadUnit(String leadUnit) {
        return user.hasRole(Roles.UNIT) && leadUnit != null && user.unit().filter(leadUnit::equals).isPresent();
    }

    public boolean actsForOffice() {
        return user.hasRole(Roles.OFFICE);
    }

    public void requireOffice() {
        if (!actsForOffice()) {
            throw new ForbiddenException("Only the rectification office may do this");
        }
    }
}
