package cn.hanzhong.rectification.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds bearer tokens the services accept: issuer {@code hanzhong-rectification}, claims
 * {@code sub}, {@code groups} (roles), {@code unit} (unit code) and {@code name}.
 */
public final class Tokens {

    public static final String ISSUER = "hanzhong-rectification";

    private final PrivateKey signingKey;
    private final Set<String> roles = new LinkedHashSet<>();
    private String subject;
    private String unit;
    private String name;
    private Duration lifetime = Duration.ofHours(8);

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

    public String sign() {
        String sub = subject != null ? subject
                : (unit != null ? unit.toLowerCase() : String.join("-", roles)) + "-user";
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(sub)
                .upn(sub)
                .groups(roles)
                .claim("name", name != null ? name : sub)
                .expiresIn(lifetime);
        if (unit != null) {
            claims.claim("unit", unit);
        }
        return claims.jws().sign(signingKey);
    }
}
