package cn.hanzhong.rectification.platform.testing;

import java.nio.file.Path;

/**
 * Tokens for {@code @QuarkusTest}s started with {@link RealInfrastructure}: signed with the key pair
 * whose public half the application under test was configured to trust.
 */
public final class TestTokens {

    private TestTokens() {
    }

    /** The key directory is per JVM, so that test resources and tests agree without sharing classes. */
    static JwtKeys keys() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"),
                "rectification-test-jwt-" + ProcessHandle.current().pid());
        return JwtKeys.loadOrCreate(dir);
    }

    public static Tokens builder() {
        return Tokens.signedWith(keys().privateKey());
    }

    /** A token with the given roles and no unit. */
    public static String role(String... roles) {
        return builder().roles(roles).sign();
    }

    /** A token of a responsible unit's user. */
    public static String unit(String unitCode) {
        return builder().roles("unit").unit(unitCode).sign();
    }

    public static String office() {
        return role("office");
    }

    /** Header value {@code Bearer <token>}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
