package cn.hanzhong.rectification.platform.security;

import cn.hanzhong.rectification.platform.testing.RealInfrastructure;
import cn.hanzhong.rectification.platform.testing.TestTokens;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A remembered token passes no longer than the token itself or a minute, and a refused one is never remembered. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class VerifiedTokensTest {

    /** A verifier that accepts every token as one expiring at {@code exp} (seconds), counting what it verified. */
    static final class CountingVerifier extends MpJwtValidator {
        final AtomicInteger verified = new AtomicInteger();
        final long exp;

        CountingVerifier(long exp) {
            this.exp = exp;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            verified.incrementAndGet();
            JsonWebToken jwt = new JsonWebToken() {
                @Override
                public String getName() {
                    return "someone";
                }

                @Override
                public Set<String> getClaimNames() {
                    return Set.of("exp");
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String name) {
                    return "exp".equals(name) ? (T) Long.valueOf(exp) : null;
                }
            };
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole("office").build());
        }
    }

    private static SecurityIdentity authenticate(VerifiedTokens tokens, String token) {
        return tokens.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "bearer")), null)
                .await().indefinitely();
    }

    @Test
    void aTokenIsVerifiedOnceAndAgainOnlyAfterItsExpOrAMinute() {
        AtomicLong now = new AtomicLong(1_000_000_000_000L);
        CountingVerifier expiresIn30s = new CountingVerifier(now.get() / 1000 + 30);
        VerifiedTokens tokens = new VerifiedTokens(expiresIn30s, now::get);
        SecurityIdentity first = authenticate(tokens, "a.b.c");
        assertSame(first, authenticate(tokens, "a.b.c"));
        now.addAndGet(29_000);
        authenticate(tokens, "a.b.c");
        assertEquals(1, expiresIn30s.verified.get(), "remembered within its lifetime");
        now.addAndGet(1_000);
        authenticate(tokens, "a.b.c");
        assertEquals(2, expiresIn30s.verified.get(), "verified again at its exp");
        authenticate(tokens, "a.b.d");
        assertEquals(3, expiresIn30s.verified.get(), "another string is another token");

        CountingVerifier expiresInAnHour = new CountingVerifier(now.get() / 1000 + 3600);
        VerifiedTokens longLived = new VerifiedTokens(expiresInAnHour, now::get);
        authenticate(longLived, "x.y.z");
        now.addAndGet(59_000);
        authenticate(longLived, "x.y.z");
        assertEquals(1, expiresInAnHour.verified.get());
        now.addAndGet(1_000);
        authenticate(longLived, "x.y.z");
        assertEquals(2, expiresInAnHour.verified.get(), "verified again a minute after it was");
    }

    @Test
    void aTokenWithTheRightClaimsButAnotherSignatureIsRefusedEvenBesideARememberedOne() {
        String good = TestTokens.builder().roles("office").subject("remembered").sign();
        given().auth().oauth2(good).queryParam("grp", "few").get("/test/rows").then().statusCode(200);
        // The claims of the remembered token with the signature of another: not the remembered string, so verified,
        // and refused — twice, as nothing refused is remembered.
        String other = TestTokens.builder().roles("office").subject("other").sign();
        String forged = good.substring(0, good.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
        given().auth().oauth2(forged).queryParam("grp", "few").get("/test/rows").then().statusCode(401);
        given().auth().oauth2(forged).queryParam("grp", "few").get("/test/rows").then().statusCode(401);
        given().auth().oauth2(good).queryParam("grp", "few").get("/test/rows").then().statusCode(200);
    }
}
