package cyborg.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers only requests addressed to this server: the {@code Host} header, and the {@code Origin}
 * header when a browser sends one, must name one of the server's own addresses at its port (or a
 * name the operator allowed). Otherwise 403. Against two attacks from a web page open in an
 * annotator's browser: a cross-site request (its Origin is the other site) and DNS rebinding (a
 * name of the attacker's that resolves to this server: its Host is that name).
 */
final class OriginGuard implements Handler {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    /** Lower-case names and address literals (IPv6 in brackets) that mean this server at its own port. */
    private final Set<String> own;
    /** Allowed names: at any port ({@code NAME}) or one ({@code NAME:PORT}). */
    private final Set<String> allowed;

    OriginGuard(String bindHost, List<String> allowedHosts) {
        this.own = ownNames(bindHost);
        this.allowed = new HashSet<>();
        allowedHosts.forEach(h -> allowed.add(h.strip().toLowerCase(Locale.ROOT)));
    }

    @Override
    public void handle(Context ctx) {
        int port = ctx.req().getLocalPort();
        String host = ctx.header("Host");
        if (host == null || !accepts(host, port)) {
            throw new ApiError(ErrorKind.FORBIDDEN, "this server does not answer requests addressed to '" + host
                    + "' (the Host header); open it at its own address, e.g. http://127.0.0.1:" + port
                    + "/, or start it with --allow-host NAME for a name it is reached by");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !acceptsOrigin(origin, port)) {
            throw new ApiError(ErrorKind.FORBIDDEN, "requests from pages of another site are refused (Origin '"
                    + origin + "'); use this server's own page");
        }
    }

    private boolean acceptsOrigin(String origin, int port) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return false; // "null" (a sandboxed frame, a file), or not a web origin at all
            }
            int p = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return accepts(uri.getHost() + ":" + p, port);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether {@code authority} ({@code name[:port]}) names this server, which listens at {@code port}. */
    boolean accepts(String authority, int port) {
        String a = authority.strip().toLowerCase(Locale.ROOT);
        int colon = a.lastIndexOf(':');
        String name = a;
        int p = 80;
        if (colon > a.lastIndexOf(']')) { // a port, not a colon inside an IPv6 literal
            name = a.substring(0, colon);
            try {
                p = Integer.parseInt(a.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (name.startsWith("[") != name.endsWith("]")) {
            return false;
        }
        name = canonical(name);
        return (own.contains(name) && p == port) || allowed.contains(name) || allowed.contains(name + ":" + p);
    }

    /**
     * The names of a server bound to {@code bindHost}: that address; on loopback, localhost too; on
     * every interface (0.0.0.0, ::), every interface's address and this machine's host names.
     */
    private static Set<String> ownNames(String bindHost) {
        Set<String> names = new HashSet<>();
        String bind = bindHost.strip().toLowerCase(Locale.ROOT);
        names.add(canonical(literal(bind)));
        try {
            InetAddress address = InetAddress.getByName(bind);
            if (address.isLoopbackAddress()) {
                LOOPBACK.forEach(n -> names.add(canonical(n)));
            }
            if (address.isAnyLocalAddress()) {
                LOOPBACK.forEach(n -> names.add(canonical(n)));
                for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress a : Collections.list(n.getInetAddresses())) {
                        names.add(canonical(literal(a.getHostAddress())));
                    }
                }
                InetAddress self = InetAddress.getLocalHost();
                names.add(self.getHostName().toLowerCase(Locale.ROOT));
                names.add(self.getCanonicalHostName().toLowerCase(Locale.ROOT));
            }
        } catch (UnknownHostException | SocketException e) {
            // the bind address itself is kept; the server could not have started on an unknown one
        }
        return Set.copyOf(names);
    }

    /**
     * One spelling per address: an IPv6 literal ({@code [::1]}, {@code [0:0:0:0:0:0:0:1]}) in Java's
     * full form without a zone (browsers send none), lower case. Names are left as they are (and
     * never looked up: a name's address is what DNS rebinding controls).
     */
    private static String canonical(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!(n.startsWith("[") && n.endsWith("]") && n.contains(":"))) {
            return n;
        }
        String inner = n.substring(1, n.length() - 1);
        int zone = inner.indexOf('%');
        inner = zone < 0 ? inner : inner.substring(0, zone);
        if (!inner.matches("[0-9a-f:.]+")) {
            return n; // not an address: compared as written, and refused
        }
        try {
            return "[" + InetAddress.getByName(inner).getHostAddress() + "]"; // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return n;
        }
    }

    /** An IPv6 address as it appears in a Host header: in brackets. */
    private static String literal(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
