package cyborg.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.List;

/** The Open Inference Protocol's server metadata, {@code GET /v2}: name, version, extensions (none). */
final class V2ServerHandler implements Handler {
    record ServerMetadata(String name, String version, List<String> extensions) {
    }

    @Override
    public void handle(Context ctx) {
        String version = CyborgServer.class.getPackage().getImplementationVersion();
        Json.send(ctx, 200, new ServerMetadata("cyborg", version == null ? "dev" : version, List.of()));
    }
}
