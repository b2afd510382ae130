package cyborg.web;

import cyborg.web.annotate.Mode;

import java.util.List;

/**
 * How {@code cyborg annotate} serves.
 *
 * @param token if not null, /api/* needs 'Authorization: Bearer TOKEN' (as for serve)
 * @param requireTokens annotators must be added with a token first (add-annotator); else a name alone identifies one
 * @param allowedHosts names besides its own addresses that browsers reach this server by (a reverse
 *     proxy's, a DNS alias), as {@code NAME} (any port) or {@code NAME:PORT}; see {@link OriginGuard}
 */
public record AnnotateConfig(String host, int port, Mode mode, int perImage, boolean requireTokens, String token,
        long maxBodyBytes, List<String> allowedHosts) {
    public static final long DEFAULT_MAX_BODY_BYTES = 20L * 1024 * 1024;

    public AnnotateConfig {
        if (perImage < 1) {
            throw new IllegalArgumentException("--per-image must be at least 1, got " + perImage);
        }
        Listen.requirePort(port);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** Reached only at its own addresses. */
    public AnnotateConfig(String host, int port, Mode mode, int perImage, boolean requireTokens, String token,
            long maxBodyBytes) {
        this(host, port, mode, perImage, requireTokens, token, maxBodyBytes, List.of());
    }
}
