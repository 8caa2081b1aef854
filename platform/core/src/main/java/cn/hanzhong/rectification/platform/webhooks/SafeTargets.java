package cn.hanzhong.rectification.platform.webhooks;

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

    /** Why {@code url} may not be called, or empty when it may. */
    public static Optional<String> refusal(String url, Set<String> allowedHosts) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getUserInfo() != null) {
            return Optional.of("must be an absolute URL with a host and no credentials");
        }
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        boolean allowed = allowedHosts.contains(h);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowed)) {
            return Optional.of("must use https");
        }
        if (allowed) {
            return Optional.empty();
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(h)) {
                if (forbidden(a)) {
                    return Optional.of("resolves to a loopback, private, link-local or metadata address (" + a.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("host cannot be resolved");
        }
        return Optional.empty();
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
