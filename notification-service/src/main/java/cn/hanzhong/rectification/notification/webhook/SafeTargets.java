package cn.hanzhong.rectification.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SSRF guard for outgoing webhooks: https only (plain http only for allow-listed hosts), and no
 * loopback, private, link-local (incl. the 169.254.169.254 metadata address), unique-local, any-local
 * or multicast address — checked at registration and again before each send, since DNS may change.
 * Allow-listed hosts skip the address check (for a receiver the operator trusts explicitly).
 */
public final class SafeTargets {

    private SafeTargets() {
    }

    /**
     * A target checked once: the URL, and the address the send must connect to (the one that passed
     * the check, so DNS cannot change between check and connect); no address for an allow-listed host,
     * which the operator trusts as it resolves.
     */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {
    }

    /** Why {@code url} may not be called, or empty when it may. */
    public static Optional<String> refusal(String url, Set<String> allowedHosts) {
        try {
            check(url, allowedHosts);
            return Optional.empty();
        } catch (Refused r) {
            return Optional.of(r.getMessage());
        }
    }

    /** Checks {@code url} and resolves it once. */
    public static Target check(String url, Set<String> allowedHosts) throws Refused {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new Refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getUserInfo() != null) {
            throw new Refused("must be an absolute URL with a host and no credentials");
        }
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        boolean allowed = allowedHosts.contains(h);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowed)) {
            throw new Refused("must use https");
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        if (allowed) {
            return new Target(uri, h, port, https, null);
        }
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(h);
        } catch (UnknownHostException e) {
            throw new Refused("host cannot be resolved");
        }
        for (InetAddress a : all) {
            if (forbidden(a)) {
                throw new Refused("resolves to a loopback, private, link-local or metadata address (" + a.getHostAddress() + ")");
            }
        }
        return new Target(uri, h, port, https, all[0]);
    }

    /** The reason a target is refused. */
    public static final class Refused extends Exception {
        Refused(String why) {
            super(why);
        }
    }

    static boolean forbidden(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xFE) == 0xFC; // fc00::/7 unique-local
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 169 && second == 254) || first >= 224;
    }
}
