package cyborg.web;

import cyborg.model.ModelInfo;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/models}: the loaded models, in load order, as their model.json describes them
 * (while the server starts, those loaded so far).
 */
final class ModelsHandler implements Handler {
    private final ModelRegistry models;

    ModelsHandler(ModelRegistry models) {
        this.models = models;
    }

    /** {@code name} is what a request selects it by: {@code NAME}, or {@code NAME:VERSION} for a versioned model. */
    record ModelView(String name, String version, String architecture, int inputSize, String loss, String camClass,
            Map<String, Double> metrics) {
        static ModelView of(ServedModel m) {
            ModelInfo info = m.info();
            return new ModelView(m.key(), m.version, info.architecture, info.inputSize, info.loss, info.camClass,
                    info.metrics == null ? Map.of() : info.metrics);
        }
    }

    record Response(List<ModelView> models) {
    }

    @Override
    public void handle(Context ctx) {
        Json.send(ctx, 200, new Response(models.all().stream().map(ModelView::of).toList()));
    }
}
