package cyborg.web;

import cyborg.data.Preprocessing;
import cyborg.model.ModelInfo;
import cyborg.web.v2.Signature;
import cyborg.web.v2.TensorMetadata;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Open Inference Protocol's {@code GET /v2/models/NAME[/versions/VERSION]} (model metadata) and
 * {@code .../ready} (model ready: 200, or 400 while it loads or once shutdown began). Without a
 * version, a versioned model's highest version answers ({@link ModelRegistry#find}).
 */
final class V2ModelHandler implements Handler {
    private final ModelRegistry models;
    private final Readiness readiness;

    V2ModelHandler(ModelRegistry models, Readiness readiness) {
        this.models = models;
        this.readiness = readiness;
    }

    /**
     * {@code $metadata_model_response}; {@code parameters} (not in the protocol's metadata, which
     * clients ignore) says how to preprocess images for the FP32 input.
     */
    record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
            List<TensorMetadata> outputs, Map<String, Object> parameters) {
    }

    @Override
    public void handle(Context ctx) {
        V2Path path = V2Path.parse(ctx.pathParam("path"));
        switch (path.action()) {
            case READY -> ready(ctx, path);
            case METADATA -> metadata(ctx, models.find(path.name(), path.version()));
            case INFER -> throw new ApiError(ErrorKind.METHOD_NOT_ALLOWED, "inference takes POST, with the request as"
                    + " JSON: POST /v2/models/" + path.name() + "/infer");
        }
    }

    private void ready(Context ctx, V2Path path) {
        ServedModel model;
        try {
            model = models.find(path.name(), path.version());
        } catch (ApiError e) {
            if (e.kind != ErrorKind.NOT_READY && e.kind != ErrorKind.SHUTTING_DOWN) {
                throw e; // unknown model: 404 with the names served
            }
            model = null;
        }
        ctx.status(model != null && readiness.ready(model) ? 200 : V2HealthHandler.FALSE).result("");
    }

    private void metadata(Context ctx, ServedModel model) {
        ModelInfo info = model.info();
        Preprocessing pre = model.preprocessing();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("architecture", info.architecture);
        parameters.put("input_size", info.inputSize);
        // the protocol's parameter values are strings, numbers or booleans: the channel values as text
        parameters.put("mean", join(pre.mean()));
        parameters.put("std", join(pre.std()));
        List<String> versions = models.versions(model.name);
        Json.send(ctx, 200, new ModelMetadata(model.name, versions.isEmpty() ? null : versions, Signature.PLATFORM,
                Signature.inputs(info.inputSize), Signature.outputs(info.inputSize), parameters));
    }

    private static String join(float[] values) {
        StringBuilder s = new StringBuilder();
        for (float v : values) {
            s.append(s.length() == 0 ? "" : ",").append(v);
        }
        return s.toString();
    }
}
