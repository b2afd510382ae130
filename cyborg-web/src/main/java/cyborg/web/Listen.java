package cyborg.web;

import io.javalin.Javalin;
import io.javalin.util.JavalinException;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;

/**
 * Where {@code serve} and {@code annotate} listen: the port's range, and a port that cannot be had
 * told in one line naming {@code --port} (or {@code --host}) instead of Javalin's exception class.
 */
public final class Listen {
    private Listen() {
    }

    /** Refuses a port outside 0..65535 (0: a free one), naming the option. */
    public static void requirePort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535 (0 picks a free port), got " + port);
        }
    }

    /**
     * Fails, saying why and what to change, when {@code host:port} cannot be listened on now (port
     * 0: when {@code host} is not this machine's). Called before the slow part of a start (loading
     * models, scanning images) so a busy port is told at once; the start itself may still lose a
     * race for the port, which {@link #start} tells alike.
     */
    public static void requireFree(String host, int port) {
        requirePort(port);
        try (ServerSocket probe = new ServerSocket()) {
            // as Jetty binds: address reuse on, so a port left in TIME_WAIT is free to both
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException(why(host, port, e), e);
        }
    }

    /** Starts {@code app} on {@code host:port}; a port that cannot be had is told as {@link #requireFree} does. */
    public static void start(Javalin app, String host, int port) {
        try {
            app.start(host, port);
        } catch (JavalinException e) {
            // Jetty's "Failed to bind to ..." wraps the socket's own reason: the deepest I/O cause says it
            IOException deepest = null;
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof IOException io) {
                    deepest = io;
                }
            }
            if (deepest == null) {
                throw e;
            }
            throw new IllegalStateException(why(host, port, deepest), e);
        }
    }

    /** One line: what stops {@code host:port} from being listened on, and which option to change. */
    static String why(String host, int port, IOException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        String at = host + ":" + port;
        if (reason.contains("already in use")) {
            return "port " + port + " is already in use on " + host + " (another server, or another cyborg, listens"
                    + " there): stop it, or choose another --port (0 picks a free one)";
        }
        if (reason.contains("permission denied") || reason.contains("access denied")) {
            return "port " + port + " on " + host + " needs administrator rights (ports below 1024 do): choose"
                    + " --port 1024 or above (0 picks a free one)";
        }
        if (reason.contains("assign requested address") || reason.contains("unresolved")
                || e instanceof java.net.UnknownHostException) {
            return "cannot listen on " + at + ": --host " + host + " is not a name or address of this machine; use"
                    + " 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)";
        }
        String what = e instanceof BindException ? "cannot listen on " : "cannot open ";
        return what + at + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + "): check --host and --port";
    }
}
