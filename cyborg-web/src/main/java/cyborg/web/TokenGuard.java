package cyborg.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Requires {@code Authorization: Bearer TOKEN} on the guarded routes when the server has a token. */
final class TokenGuard implements Handler {
    private final byte[] expected;

    TokenGuard(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(Context ctx) {
        String given = ctx.header("Authorization");
        // constant-time comparison: the time taken tells nothing about how much of the token matched
        if (given == null || !MessageDigest.isEqual(expected, given.strip().getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(ErrorKind.UNAUTHORIZED, given == null
                    ? "this server needs a token: send the header 'Authorization: Bearer TOKEN'"
                    : "wrong token; send the one the server was started with (--token or CYBORG_TOKEN)");
        }
    }
}
