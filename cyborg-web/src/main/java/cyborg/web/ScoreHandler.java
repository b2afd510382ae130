package cyborg.web;

import cyborg.data.Label;
import cyborg.image.RgbImage;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code POST /api/v1/score}: decodes each upload on the request thread, queues its input on
 * each selected model's {@link BatchWorker}, and answers when every forward pass is done.
 */
final class ScoreHandler implements Handler {
    /** A score at or above this is labelled Synthetic: sigmoid(logit) >= 0.5, i.e. logit >= 0. */
    static final float SYNTHETIC_AT = 0.5f;

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
                    pending.add(new Pending(upload, model, submit(model, model.preprocessing().input(image), cam)));
                }
            }
            List<Result> results = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                results.add(result(p, cam));
            }
            Json.send(ctx, 200, new Response(results));
        }
    }

    private static CompletableFuture<Prediction> submit(ServedModel model, float[] input, boolean cam) {
        try {
            return model.worker.submit(input, cam);
        } catch (QueueFullException e) {
            throw new ApiError(ErrorKind.QUEUE_FULL, e.getMessage());
        }
    }

    private static Result result(Pending p, boolean cam) throws IOException, InterruptedException {
        Prediction prediction;
        try {
            prediction = p.prediction().get();
        } catch (ExecutionException e) {
            throw new IOException("model '" + p.model().name + "' failed on " + p.upload().name(), e.getCause());
        }
        String map = cam ? CamImages.dataUrl(prediction.cam(), p.model().info().camSize, p.model().info().inputSize)
                : null;
        return new Result(p.upload().name(), p.model().name, prediction.score(), label(prediction.score()), map);
    }

    static String label(float score) {
        return (score >= SYNTHETIC_AT ? Label.SYNTHETIC : Label.REAL).displayName();
    }
}
