package cn.hanzhong.rectification.platform.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The caller of the current request, from the verified bearer token: {@code sub}, {@code name},
 * roles ({@code groups}) and, for unit users, the {@code unit} code. Services use it for
 * object-level checks in their service layer ({@link #requireUnitAmong}).
 */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The display name ({@code name} claim), or the subject when the token has none. */
    public String name() {
        String name = claim("name");
        return name != null ? name : subject();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String r : roles) {
            if (identity.hasRole(r)) {
                return true;
            }
        }
        return false;
    }

    /** The unit code of a unit user. */
    public Optional<String> unit() {
        return Optional.ofNullable(claim("unit")).filter(s -> !s.isBlank());
    }

    /** Whether the caller acts for one of {@code unitCodes}. */
    public boolean belongsToAny(Collection<String> unitCodes) {
        return unit().map(unitCodes::contains).orElse(false);
    }

    /**
     * Object-level check: passes for callers with one of {@code seeEverything} roles, otherwise only
     * for a unit user whose unit is among {@code unitCodes}; anyone else gets 403.
     */
    public void requireUnitAmong(Collection<String> unitCodes, String... seeEverything) {
        if (hasAnyRole(seeEverything) || belongsToAny(unitCodes)) {
            return;
        }
        throw new ForbiddenException("This record belongs to other units");
    }

    /** When the caller's token expires, if it says. */
    public Optional<Instant> expiresAt() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            return Optional.of(Instant.ofEpochSecond(jwt.getExpirationTime()));
        }
        return Optional.empty();
    }

    private String claim(String name) {
        Principal p = identity.getPrincipal();
        if (p instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? null : value.toString().replaceAll("^\"|\"$", "");
        }
        return null;
    }
}
