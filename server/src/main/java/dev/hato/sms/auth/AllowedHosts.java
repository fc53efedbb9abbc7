package dev.hato.sms.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The host names this service answers to (the Host header), as Django's ALLOWED_HOSTS: without them, a
 * page on any site can rebind its own name to 127.0.0.1 and drive a loopback instance as a same-origin
 * client. Each entry is a name, or a name with a port ({@code sms.example.com}, {@code localhost:8080},
 * {@code [::1]}); a name alone allows any port.
 */
final class AllowedHosts {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private final List<String> entries;

    private AllowedHosts(List<String> entries) {
        this.entries = entries.stream()
                .map(e -> e.trim().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty())
                .toList();
    }

    /**
     * The configured hosts; when none are, the loopback names if the server listens on loopback only,
     * and otherwise startup fails: reached from elsewhere, only the operator knows the service's names.
     */
    static AllowedHosts of(List<String> configured, String serverAddress) {
        if (configured.stream().anyMatch(e -> !e.isBlank())) {
            return new AllowedHosts(configured);
        }
        if (isLoopback(serverAddress)) {
            return new AllowedHosts(LOOPBACK);
        }
        throw new IllegalStateException("sms.security.allowed-hosts is not set, and the service listens on "
                + (isAnyAddress(serverAddress) ? "every interface" : serverAddress)
                + ": set it to the host names it is reached by (comma-separated, each optionally with a port),"
                + " for example sms.example.com (only loopback has a default: localhost, 127.0.0.1, [::1])");
    }

    /** Whether a Host header (name or name:port) names an allowed host. */
    boolean allows(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String given = host.trim().toLowerCase(Locale.ROOT);
        String name = nameOf(given);
        for (String entry : entries) {
            if (entry.equals(given) || (nameOf(entry).equals(entry) && entry.equals(name))) {
                return true;
            }
        }
        return false;
    }

    /** The host part of name[:port], [v6][:port] or a bare v6 address. */
    private static String nameOf(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 || host.indexOf(':', colon + 1) >= 0 ? host : host.substring(0, colon);
    }

    private static boolean isAnyAddress(String address) {
        try {
            return address == null
                    || address.isBlank()
                    || InetAddress.getByName(address).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether an address (server.address, management.server.address) is a loopback one; blank is not. */
    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
