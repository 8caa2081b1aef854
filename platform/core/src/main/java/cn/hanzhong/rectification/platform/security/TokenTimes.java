package cn.hanzhong.rectification.platform.security;

import cn.hanzhong.rectification.platform.errors.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the token verifier does not refuse on its own: a token issued in the future (beyond the clock
 * skew) or one that lives longer than the programme allows is 401; a {@code unit} token without its
 * {@code unit} claim is 403 — every answer problem+json.
 */
@ApplicationScoped
public class TokenTimes {

    /** {@code platform.jwt.*}. */
    @ConfigMapping(prefix = "platform.jwt")
    public interface Settings {
        /** How far in the future {@code iat} may be (clocks drift). */
        @WithDefault("60s")
        Duration clockSkew();

        /** The longest a token may live ({@code exp - iat}). */
        @WithDefault("12h")
        Duration maxLifetime();
    }

    private final Settings settings;
    private final Clock clock;
    private final SecurityIdentity identity;

    public TokenTimes(Settings settings, Clock clock, SecurityIdentity identity) {
        this.settings = settings;
        this.clock = clock;
        this.identity = identity;
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        long now = clock.instant().getEpochSecond();
        long iat = jwt.getIssuedAtTime();
        long exp = jwt.getExpirationTime();
        if (iat == 0 || iat > now + settings.clockSkew().toSeconds()) {
            return refuse(401, "Unauthorized", "The token's iat is missing or in the future", request);
        }
        if (exp - iat > settings.maxLifetime().toSeconds()) {
            return refuse(401, "Unauthorized", "The token lives longer than " + settings.maxLifetime().toHours()
                    + " h; ask for a shorter one", request);
        }
        if (identity.getRoles().contains(Roles.UNIT) && (jwt.getClaim("unit") == null
                || String.valueOf((Object) jwt.getClaim("unit")).isBlank())) {
            return refuse(403, "Forbidden", "A unit token must name its unit (claim 'unit')", request);
        }
        return Optional.empty();
    }

    private static Optional<Response> refuse(int status, String title, String detail, ContainerRequestContext request) {
        Map<String, Object> problem = Map.of("type", Problem.TYPE_PREFIX + (status == 401 ? "unauthorized" : "forbidden"),
                "title", title, "status", status, "detail", detail, "instance", request.getUriInfo().getRequestUri().getRawPath());
        return Optional.of(Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build());
    }
}
