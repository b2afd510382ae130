package cyborg.web;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.javalin.http.Context;

/** JSON responses: snake_case keys, nulls left out. */
final class Json {
    static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(GSON.toJson(body));
    }

    /**
     * As {@link #send}, written as it is serialised rather than built as one string first: an
     * answer of many CAMs is tens of megabytes of text.
     */
    static void stream(Context ctx, int status, Object body) throws java.io.IOException {
        ctx.status(status).contentType("application/json");
        java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(ctx.outputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        GSON.toJson(body, out);
        out.flush();
    }

    /** The error body of every failure. */
    record ErrorBody(String error, String file) {
    }
}
