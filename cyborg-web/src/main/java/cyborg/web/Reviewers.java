package cyborg.web;

import cyborg.web.annotate.AnnotationStore;
import io.javalin.http.Context;

import java.io.IOException;

/**
 * Who may read what gives the answers away (the overview: every image's label, every annotator's
 * accuracy): reviewers added by {@code cyborg annotate add-reviewer}, proven by their token in the
 * header {@value #HEADER}. Never an annotator, whose token is another; nor the server's --token,
 * which annotators are given to reach the API at all. None: 401; a token not a reviewer's: 403.
 */
final class Reviewers {
    static final String HEADER = "X-Reviewer-Token";

    private final AnnotationStore store;

    Reviewers(AnnotationStore store) {
        this.store = store;
    }

    /** The reviewer asking for the overview; throws when the request is not a reviewer's. */
    String require(Context ctx) throws IOException {
        return require(ctx, "the overview shows every image's label", "the overview");
    }

    /**
     * The reviewer asking; throws when the request is not a reviewer's. {@code why} says why the
     * route is for reviewers, {@code what} names it in the refusal.
     */
    String require(Context ctx, String why, String what) throws IOException {
        String token = ctx.header(HEADER);
        if (token == null || token.isBlank()) {
            throw new ApiError(ErrorKind.UNAUTHORIZED, why + ": it needs a reviewer's"
                    + " token in the header " + HEADER + " (made by 'cyborg annotate add-reviewer --db FILE NAME')");
        }
        return store.reviewer(token).orElseThrow(() -> new ApiError(ErrorKind.FORBIDDEN, "not a reviewer's token;"
                + " a reviewer's is printed by 'cyborg annotate add-reviewer' (an annotator's token does not open"
                + " " + what + ")"));
    }
}
