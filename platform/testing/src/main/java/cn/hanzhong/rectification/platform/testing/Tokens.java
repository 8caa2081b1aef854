package cn.hanzhong.rectification.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds bearer tokens the services accept: issuer {@code hanzhong-rectification}, claims
 * {@code sub}, {@code groups} (roles), {@code unit} (unit code) and {@code name}.
 */
public final class Tokens {

    public static final String ISSUER = "hanzhong-rectification";
    /** The audience the services require by default ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "rectification-api";

    private final PrivateKey signingKey;
    private final Set<String> roles = new LinkedHashSet<>();
    private String subject;
    private String unit;
    private String name;
    private Duration lifetime = Duration.ofHours(8);
    private String audience = AUDIENCE;
    private Instant issuedAt;

    private Tokens(PrivateKey signingKey) {
        this.signingKey = signingKey;
    }

    public static Tokens signedWith(PrivateKey key) {
        return new Tokens(key);
    }

    public Tokens roles(String... roleNames) {
        roles.addAll(List.of(roleNames));
        return this;
    }

    public Tokens unit(String unitCode) {
        this.unit = unitCode;
        return this;
    }

    public Tokens subject(String sub) {
        this.subject = sub;
        return this;
    }

    public Tokens name(String displayName) {
        this.name = displayName;
        return this;
    }

    public Tokens lifetime(Duration d) {
        this.lifetime = d;
        return this;
    }

    /** Another audience (to show that a token for someone else is refused). */
    public Tokens audience(String aud) {
        this.audience = aud;
        return this;
    }

    /** Another issue time (to show that a token from the future is refused). */
    public Tokens issuedAt(Instant at) {
        this.issuedAt = at;
        return this;
    }

    public String sign() {
        String sub = subject != null ? subject
                : (unit != null ? unit.toLowerCase() : String.join("-", roles)) + "-user";
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(sub)
                .upn(sub)
                .groups(roles)
                .claim("name", name != null ? name : sub)
                .audience(audience);
        Instant iat = issuedAt != null ? issuedAt : Instant.now();
        claims.issuedAt(iat).expiresAt(iat.plus(lifetime));
        if (unit != null) {
            claims.claim("unit", unit);
        }
        return claims.jws().sign(signingKey);
    }
}
