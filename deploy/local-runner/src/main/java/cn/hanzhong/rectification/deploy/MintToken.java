package cn.hanzhong.rectification.deploy;

import cn.hanzhong.rectification.platform.testing.JwtKeys;
import cn.hanzhong.rectification.platform.testing.Tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Prints a bearer token for the local run, signed with the key pair in the data folder.
 *
 * <p>{@code --data DIR --role office|unit|discipline|province|leader [--role ...] [--unit CODE]
 * [--sub ID] [--name NAME] [--hours N (at most 12: the services refuse longer-lived tokens)]}
 */
public final class MintToken {

    private static final Set<String> ROLES = Set.of("office", "unit", "discipline", "province", "leader");

    public static void main(String[] args) {
        Path data = null;
        Tokens tokens = null;
        String unit = null;
        String sub = null;
        String name = null;
        long hours = 8;
        List<String> roles = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--role" -> roles.add(args[++i]);
                case "--unit" -> unit = args[++i];
                case "--sub" -> sub = args[++i];
                case "--name" -> name = args[++i];
                case "--hours" -> hours = Long.parseLong(args[++i]);
                default -> fail("Unknown argument " + args[i]);
            }
        }
        if (data == null || !Files.exists(data.resolve("keys").resolve(JwtKeys.PRIVATE_KEY_FILE))) {
            fail("No key pair yet: start the system once with deploy/run");
        }
        if (roles.isEmpty()) {
            fail("Give at least one --role (" + String.join(", ", new java.util.TreeSet<>(ROLES)) + ")");
        }
        for (String r : roles) {
            if (!ROLES.contains(r)) {
                fail("Unknown role " + r + "; use one of " + new java.util.TreeSet<>(ROLES));
            }
        }
        if (roles.contains("unit") && unit == null) {
            fail("A unit user needs --unit CODE");
        }
        tokens = Tokens.signedWith(JwtKeys.loadOrCreate(data.resolve("keys")).privateKey())
                .roles(roles.toArray(String[]::new))
                .lifetime(Duration.ofHours(Math.min(hours, 12)));
        if (unit != null) {
            tokens.unit(unit);
        }
        if (sub != null) {
            tokens.subject(sub);
        }
        if (name != null) {
            tokens.name(name);
        }
        System.out.println(tokens.sign());
    }

    private static void fail(String message) {
        System.err.println("deploy/token: " + message);
        System.exit(2);
    }
}
