package cn.hanzhong.rectification.platform.security;

import cn.hanzhong.rectification.platform.errors.TooManyRequestsException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request budgets per instance: the unauthenticated endpoints ({@code /api/v1/public/**}, {@code /open311/**}) per client
 * address (behind a proxy, set {@code quarkus.http.proxy.*} so the address is the client's), and
 * token-authenticated writes per token subject. Over budget: 429 problem+json with {@code Retry-After};
 * other clients are not affected. A budget window starts with a client's first request.
 */
@ApplicationScoped
public class RateLimits {

    /** {@code platform.rate-limit.*}. */
    @ConfigMapping(prefix = "platform.rate-limit")
    public interface Settings {
        @WithDefault("true")
        boolean enabled();

        /** Requests per window and client address on the public endpoints. */
        @WithDefault("600")
        int publicRequests();

        /** Writes (POST, PUT, PATCH, DELETE) per window and token subject (bulk clients included). */
        @WithDefault("6000")
        int writes();

        @WithDefault("1m")
        Duration window();
    }

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_TRACKED = 100_000;

    private record Budget(Instant start, int used) {
    }

    private final Settings settings;
    private final Clock clock;
    private final SecurityIdentity identity;
    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

    public RateLimits(Settings settings, Clock clock, SecurityIdentity identity) {
        this.settings = settings;
        this.clock = clock;
        this.identity = identity;
    }

    @ServerRequestFilter
    public void check(ContainerRequestContext request, HttpServerRequest http) {
        if (!settings.enabled()) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (PublicPaths.isPublic(path)) {
            String address = http.remoteAddress() != null ? http.remoteAddress().hostAddress() : "unknown";
            spend("address " + address, settings.publicRequests());
        } else if (WRITES.contains(request.getMethod()) && !identity.isAnonymous()) {
            spend("subject " + identity.getPrincipal().getName(), settings.writes());
        }
    }

    private void spend(String key, int limit) {
        Instant now = clock.instant();
        if (budgets.size() > MAX_TRACKED) {
            budgets.values().removeIf(b -> b.start().plus(settings.window()).isBefore(now));
        }
        Budget b = budgets.compute(key, (k, old) -> old == null || !old.start().plus(settings.window()).isAfter(now)
                ? new Budget(now, 1) : new Budget(old.start(), old.used() + 1));
        if (b.used() > limit) {
            Duration wait = Duration.between(now, b.start().plus(settings.window()));
            throw new TooManyRequestsException("At most " + limit + " requests per " + settings.window().toSeconds()
                    + " s for this client; try again later", wait);
        }
    }
}
