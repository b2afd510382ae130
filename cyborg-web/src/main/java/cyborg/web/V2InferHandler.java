package cyborg.web;

import cyborg.image.RgbImage;
import cyborg.model.Prediction;
import cyborg.web.v2.Datatype;
import cyborg.web.v2.InferenceRequest;
import cyborg.web.v2.InferenceResponse;
import cyborg.web.v2.ProtocolException;
import cyborg.web.v2.RequestInput;
import cyborg.web.v2.ResponseOutput;
import cyborg.web.v2.Signature;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Open Inference Protocol's {@code POST /v2/models/NAME[/versions/VERSION]/infer}, with the
 * JSON tensor encoding ({@link Signature} says what a model takes and gives). Images go through
 * the same decoder, preprocessing and batching worker as {@code POST /api/v1/score}, so both APIs
 * give the same scores.
 */
final class V2InferHandler implements Handler {
    /** The binary tensor data extension's header: not supported, and refused rather than misread as JSON. */
    static final String BINARY_HEADER = "Inference-Header-Content-Length";

    private final ModelRegistry models;
    private final Readiness readiness;
    private final UploadDecoder decoder;
    private final UploadKeeper keeper;
    private final InFlight inFlight;
    /** The most images one request may hold: a model's queue ({@code --queue}); more could never all be queued. */
    private final int maxImages;

    V2InferHandler(ModelRegistry models, Readiness readiness, UploadDecoder decoder, UploadKeeper keeper,
            InFlight inFlight, int maxImages) {
        this.models = models;
        this.readiness = readiness;
        this.decoder = decoder;
        this.keeper = keeper;
        this.inFlight = inFlight;
        this.maxImages = maxImages;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        inFlight.admit(ctx);
        byte[] body = ctx.bodyAsBytes(); // first: a body over the limit is refused (413) before anything else
        V2Path path = V2Path.parse(ctx.pathParam("path"));
        if (path.action() != V2Path.Action.INFER) {
            throw new ApiError(ErrorKind.METHOD_NOT_ALLOWED, "POST goes to /v2/models/" + path.name() + "/infer;"
                    + " metadata and readiness take GET");
        }
        ServedModel model = models.find(path.name(), path.version());
        if (!readiness.ready(model)) {
            throw new ApiError(ErrorKind.NOT_READY, "model '" + model.key() + "' is not ready; retry when GET /v2/models/"
                    + model.name + "/ready answers 200");
        }
        if (ctx.header(BINARY_HEADER) != null) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "the binary tensor data extension (" + BINARY_HEADER + ") is not"
                    + " supported: send the tensors as JSON, images base64-encoded");
        }
        int size = model.info().inputSize;
        InferenceRequest request;
        RequestInput input;
        List<String> outputs;
        try {
            request = InferenceRequest.parse(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8),
                    maxImages, (long) maxImages * 3 * size * size);
            input = Signature.input(request, size);
            outputs = Signature.outputs(request);
        } catch (ProtocolException e) {
            throw new ApiError(ErrorKind.BAD_REQUEST, e.getMessage() + (e.getMessage().contains("more than this model")
                    ? " (at most " + maxImages + " images a request: the server's --queue)" : ""));
        }
        if (input.shape()[0] > maxImages) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "input '" + input.name() + "' holds " + input.shape()[0]
                    + " images; a request may hold at most " + maxImages + " (the server's --queue): send fewer at once");
        }
        boolean cam = outputs.contains(Signature.CAM);
        // every image decoded before any is queued: a bad one fails the request before the model spends time on it
        List<float[]> inputs = input.name().equals(Signature.IMAGES) ? decodeImages(model, input) : splitPixels(input);
        List<CompletableFuture<Prediction>> pending = new ArrayList<>(inputs.size());
        for (float[] one : inputs) {
            pending.add(model.submit(one, cam));
        }
        List<Prediction> predictions = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            predictions.add(model.await(pending.get(i), input.name() + "[" + i + "]"));
        }
        List<ResponseOutput> out = new ArrayList<>();
        for (String name : outputs) {
            out.add(output(name, predictions, size));
        }
        // the protocol's response always has an id: the request's, else this request's X-Request-Id (the access log's)
        String id = request.id() != null ? request.id() : ctx.res().getHeader(RequestIds.HEADER);
        Json.stream(ctx, 200, new InferenceResponse(model.name, model.version, id, out));
    }

    private List<float[]> decodeImages(ServedModel model, RequestInput input) throws IOException {
        List<float[]> out = new ArrayList<>();
        List<String> encoded = input.strings();
        for (int i = 0; i < encoded.size(); i++) {
            String name = Signature.IMAGES + "[" + i + "]";
            byte[] bytes;
            try {
                // line breaks allowed: base64 tools wrap lines unless told not to
                bytes = Base64.getDecoder().decode(WHITESPACE.matcher(encoded.get(i)).replaceAll(""));
            } catch (IllegalArgumentException e) {
                throw new ApiError(ErrorKind.BAD_IMAGE, name + " is not base64 (" + e.getMessage() + "): the JSON"
                        + " encoding of a BYTES tensor holds each image file base64-encoded", name);
            }
            Upload upload = new Upload(name, bytes);
            RgbImage image = decoder.decode(upload);
            keeper.keep(upload);
            out.add(model.preprocessing().input(image));
        }
        return out;
    }

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private static List<float[]> splitPixels(RequestInput input) {
        int n = Math.toIntExact(input.shape()[0]);
        int length = Math.toIntExact(input.count() / n);
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Arrays.copyOfRange(input.numbers(), i * length, (i + 1) * length));
        }
        return out;
    }

    private static ResponseOutput output(String name, List<Prediction> predictions, int size) {
        int n = predictions.size();
        return switch (name) {
            case Signature.SCORE -> {
                float[] scores = new float[n];
                for (int i = 0; i < n; i++) {
                    scores[i] = predictions.get(i).score();
                }
                yield new ResponseOutput(name, Datatype.FP32, new long[] {n}, scores);
            }
            case Signature.LABEL -> new ResponseOutput(name, Datatype.BYTES, new long[] {n},
                    predictions.stream().map(p -> p.label().displayName()).toList());
            case Signature.CAM -> {
                float[] maps = new float[Math.multiplyExact(n, Math.multiplyExact(size, size))];
                for (int i = 0; i < n; i++) {
                    float[] map = predictions.get(i).cam().upsampled(size).values();
                    System.arraycopy(map, 0, maps, i * size * size, map.length);
                }
                yield new ResponseOutput(name, Datatype.FP32, new long[] {n, size, size}, maps);
            }
            default -> throw new IllegalStateException("output " + name + " passed Signature.outputs");
        };
    }
}
