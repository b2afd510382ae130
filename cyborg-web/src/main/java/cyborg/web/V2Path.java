package cyborg.web;

/**
 * What a path under {@code /v2/models/} asks for: {@code NAME[/versions/VERSION]} (metadata),
 * {@code .../ready} or {@code .../infer}. Names may hold slashes ({@code cyborg/run-1}, as
 * {@link ModelNames} makes them), so the path is read from its end.
 *
 * @param version null when the path names none
 */
record V2Path(String name, String version, Action action) {
    enum Action { METADATA, READY, INFER }

    private static final String VERSIONS = "/versions/";

    /** Parses the part of the path after {@code /v2/models/}. */
    static V2Path parse(String rest) {
        String p = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        Action action = Action.METADATA;
        if (p.endsWith("/infer")) {
            action = Action.INFER;
            p = p.substring(0, p.length() - "/infer".length());
        } else if (p.endsWith("/ready")) {
            action = Action.READY;
            p = p.substring(0, p.length() - "/ready".length());
        }
        String version = null;
        int v = p.lastIndexOf(VERSIONS);
        if (v > 0 && p.indexOf('/', v + VERSIONS.length()) < 0 && v + VERSIONS.length() < p.length()) {
            version = p.substring(v + VERSIONS.length());
            p = p.substring(0, v);
        }
        if (p.isEmpty()) {
            throw new ApiError(ErrorKind.NOT_FOUND, "no model named in the path: use /v2/models/NAME[/versions/VERSION]"
                    + "[/ready|/infer]");
        }
        return new V2Path(p, version, action);
    }
}
