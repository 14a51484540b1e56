package org.tongpos.sync.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The contract's transport rule (settlement-api.md, Conventions): TLS to the bank; plain HTTP only to a sandbox on
 * loopback. A host counts as loopback when it is {@code localhost} (or a name under {@code .localhost}, RFC 6761) or
 * a literal loopback address ({@code 127.0.0.0/8}, {@code ::1}); names are never looked up, so that no DNS answer
 * can turn a remote bank into "loopback".
 */
public final class PlainHttpRule {

    private static final String IPV4 = "\\d{1,3}(\\.\\d{1,3}){3}";

    private PlainHttpRule() {
    }

    /** True unless {@code url} is plain {@code http://} to a host other than this machine. */
    public static boolean permits(URI url) {
        return !"http".equalsIgnoreCase(url.getScheme()) || isLoopback(url.getHost());
    }

    /** True for {@code localhost} and literal loopback addresses; false for every other name or address. */
    public static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (name.matches(IPV4)) {
            String[] octets = name.split("\\.");
            for (String octet : octets) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(octets[0]) == 127;
        }
        if (!name.startsWith("[") || !name.endsWith("]") || name.indexOf(':') < 0) {
            return false;
        }
        try {
            // an IPv6 literal (with a colon): parsed, never looked up
            return InetAddress.getByName(name.substring(1, name.length() - 1)).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
