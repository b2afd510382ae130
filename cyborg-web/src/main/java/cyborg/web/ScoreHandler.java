package cyborg.web;

import cyborg.image.RgbImage;
import cyborg.model.CamMap;
import cyborg.model.Prediction;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /api/v1/score}: decodes each upload on the request thread, queues its input on
 * each selected model's {@link BatchWorker}, and answers when every forward pass is done.
 */
final class ScoreHandler implements Handler {
    private final ModelRegistry models;
    private final UploadReader reader;
    private final UploadDecoder decoder;
    private final UploadKeeper keeper;
    private final InFlight inFlight;

    ScoreHandler(ModelRegistry models, UploadReader reader, UploadDecoder decoder, UploadKeeper keeper,
            InFlight inFlight) {
        this.models = models;
        this.reader = reader;
        this.decoder = decoder;
        this.keeper = keeper;
        this.inFlight = inFlight;
    }

    record Result(String file, String model, float score, String label, String cam) {
    }

    record Response(List<Result> results) {
    }

    /** One upload's pending predictions from one model. */
    private record Pending(Upload upload, ServedModel model, CompletableFuture<Prediction> prediction) {
    }

    @Override
    public void handle(Context ctx) throws Exception {
        inFlight.admit(ctx);
        {
            List<Upload> uploads = reader.read(ctx); // first: it refuses oversized bodies before parsing
            List<ServedModel> selected = models.select(ctx.formParam("model"));
            boolean cam = "true".equalsIgnoreCase(ctx.formParam("cam"));
            List<Pending> pending = new ArrayList<>();
            for (Upload upload : uploads) {
                RgbImage image = decoder.decode(upload);
                keeper.keep(upload);
                for (ServedModel model : selected) {
                    pending.add(new Pending(upload, model, model.submit(model.preprocessing().input(image), cam)));
                }
            }
            List<Result> results = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                results.add(result(p, cam));
            }
            Json.send(ctx, 200, new Response(results));
        }
    }

    private static Result result(Pending p, boolean cam) throws IOException, InterruptedException {
        Prediction prediction = p.model().await(p.prediction(), p.upload().name());
        // the label and its CAM from the one rule in core (Prediction): serve shows what score and spark score show
        String map = cam ? dataUrl(prediction.cam().upsampled(p.model().info().inputSize)) : null;
        return new Result(p.upload().name(), p.model().key(), prediction.score(), prediction.label().displayName(),
                map);
    }

    /** The map in jet colours as a PNG data URL: the page blends it over the image itself. */
    private static String dataUrl(CamMap cam) throws IOException {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(cam.jetPng());
    }
}
