package cn.hanzhong.rectification.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens already verified, remembered briefly. A client sends the same token with every request of its
 * lifetime, and checking its RSA signature again each time was 11 % of the CPU of an issue read
 * (deploy/bench/issue-read). The identity smallrye-jwt's verifier built for a token is reused for exactly that token
 * string until the earlier of the token's {@code exp} and {@link #REMEMBERED} after it was verified — the bound on how
 * long a token still passes after its verification key is replaced — for at most {@link #MOST} tokens at once. A
 * token not remembered, or refused, goes to the verifier as before; nothing refused is remembered.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    static final Duration REMEMBERED = Duration.ofSeconds(60);
    static final int MOST = 10_000;

    private record Verified(SecurityIdentity identity, long untilMillis) {
    }

    private final MpJwtValidator verifier;
    private final LongSupplier clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(MpJwtValidator verifier) {
        this(verifier, System::currentTimeMillis);
    }

    /** With {@code clock} for the current time in milliseconds (the verifier reads the system's). */
    VerifiedTokens(MpJwtValidator verifier, LongSupplier clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Asked before the verifier it remembers for. */
    @Override
    public int priority() {
        return verifier.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        long now = clock.getAsLong();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.untilMillis()) {
                return Uni.createFrom().item(known.identity());
            }
            verified.remove(token, known);
        }
        return verifier.authenticate(request, context).invoke(identity -> remember(token, identity, now));
    }

    private void remember(String token, SecurityIdentity identity, long now) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long until = Math.min(jwt.getExpirationTime() * 1000, now + REMEMBERED.toMillis());
        if (verified.size() >= MOST) {
            verified.values().removeIf(v -> v.untilMillis() <= now);
            if (verified.size() >= MOST) {
                return; // full of live tokens: verified each time until some expire
            }
        }
        verified.put(token, new Verified(identity, until));
    }
}
