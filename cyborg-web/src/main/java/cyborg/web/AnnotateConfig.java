package cyborg.web;

import cyborg.web.annotate.Mode;

/**
 * How {@code cyborg annotate} serves.
 *
 * @param token if not null, /api/* needs 'Authorization: Bearer TOKEN' (as for serve)
 * @param requireTokens annotators must be added with a token first (add-annotator); else a name alone identifies one
 */
public record AnnotateConfig(String host, int port, Mode mode, int perImage, boolean requireTokens, String token,
        long maxBodyBytes) {
    public static final long DEFAULT_MAX_BODY_BYTES = 20L * 1024 * 1024;

    public AnnotateConfig {
        if (perImage < 1) {
            throw new IllegalArgumentException("--per-image must be at least 1, got " + perImage);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
    }
}
