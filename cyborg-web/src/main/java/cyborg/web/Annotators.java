package cyborg.web;

import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.Annotator;

import java.io.IOException;
import java.util.Optional;

/**
 * Who is asking: an annotator named in the request, proven by their token when they have one.
 * Without --require-tokens a new name is created on first use; with it, only annotators added by
 * {@code cyborg annotate add-annotator} exist. Unknown or missing token: 401; a wrong token: 403.
 */
final class Annotators {
    private final AnnotationStore store;
    private final boolean requireTokens;

    Annotators(AnnotationStore store, boolean requireTokens) {
        this.store = store;
        this.requireTokens = requireTokens;
    }

    /** The annotator, created if new and allowed ({@code create}). */
    Annotator identify(String name, String token, boolean create) throws IOException {
        if (name == null || name.isBlank()) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "say who you are: give 'annotator' (your name)");
        }
        try {
            Annotator.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new ApiError(ErrorKind.BAD_REQUEST, e.getMessage());
        }
        Optional<Annotator> known = store.annotator(name);
        if (known.isEmpty()) {
            if (requireTokens) {
                throw new ApiError(ErrorKind.UNAUTHORIZED, "unknown annotator '" + name + "': this server needs"
                        + " annotators added with a token ('cyborg annotate add-annotator --db FILE NAME')");
            }
            if (!create) {
                throw new ApiError(ErrorKind.UNAUTHORIZED, "unknown annotator '" + name + "'; ask for a task first"
                        + " (POST /api/v1/annotate/next {\"annotator\": NAME})");
            }
            return store.annotatorByName(name);
        }
        Annotator a = known.get();
        if (a.tokenHash() == null) {
            if (requireTokens) {
                throw new ApiError(ErrorKind.UNAUTHORIZED, "annotator '" + name + "' has no token; this server"
                        + " needs one ('cyborg annotate add-annotator --db FILE " + name + "')");
            }
            return a;
        }
        if (token == null || token.isBlank()) {
            throw new ApiError(ErrorKind.UNAUTHORIZED, "annotator '" + name + "' has a token: send it ('token' in"
                    + " the body, or the header X-Annotator-Token)");
        }
        if (!a.accepts(token.strip())) {
            throw new ApiError(ErrorKind.FORBIDDEN, "wrong token for annotator '" + name + "'");
        }
        return a;
    }
}
