package cyborg.web.v2;

import java.util.List;
import java.util.Set;

/**
 * What a cyborg model takes and gives in the protocol's terms, for a model of input size
 * {@code size}. One input per request, either of:
 * <ul>
 *   <li>{@value #IMAGES}: BYTES {@code [N]} (or {@code [N, 1]}), each element an encoded image (PNG, JPEG,
 *   ...) as base64 text, the JSON encoding of bytes; decoded, resized and normalised exactly as
 *   {@code cyborg score} does;</li>
 *   <li>{@value #PIXELS}: FP32 {@code [N, 3, size, size]}, images already preprocessed (resized, scaled to
 *   [0, 1], normalised with the model's mean and std), fed to the network as they are.</li>
 * </ul>
 * Outputs: {@value #SCORE} FP32 {@code [N]} ({@code sigmoid(logit[Synthetic])}), {@value #LABEL} BYTES
 * {@code [N]} ({@code Real} or {@code Synthetic}, the argmax), and on request {@value #CAM} FP32
 * {@code [N, size, size]} (the label's class activation map, upsampled, values in [0, 1]).
 */
public final class Signature {
    public static final String IMAGES = "images";
    public static final String PIXELS = "pixels";
    public static final String SCORE = "score";
    public static final String LABEL = "label";
    public static final String CAM = "cam";
    /** The platform model metadata names ({@code <project>_<format>}): cyborg model folders run on PyTorch. */
    public static final String PLATFORM = "pytorch_cyborg";
    /** The outputs a request gets when it names none (the CAM costs a map per image, so it is asked for). */
    public static final List<String> DEFAULT_OUTPUTS = List.of(SCORE, LABEL);
    private static final Set<String> OUTPUTS = Set.of(SCORE, LABEL, CAM);

    private Signature() {
    }

    public static List<TensorMetadata> inputs(int size) {
        return List.of(new TensorMetadata(IMAGES, Datatype.BYTES, new long[] {-1}),
                new TensorMetadata(PIXELS, Datatype.FP32, new long[] {-1, 3, size, size}));
    }

    public static List<TensorMetadata> outputs(int size) {
        return List.of(new TensorMetadata(SCORE, Datatype.FP32, new long[] {-1}),
                new TensorMetadata(LABEL, Datatype.BYTES, new long[] {-1}),
                new TensorMetadata(CAM, Datatype.FP32, new long[] {-1, size, size}));
    }

    /**
     * The one input of {@code request}, checked against the signature for a model of input size
     * {@code size}: its name, datatype and shape.
     */
    public static RequestInput input(InferenceRequest request, int size) {
        if (request.inputs().size() != 1) {
            throw new ProtocolException("give exactly one input, '" + IMAGES + "' (BYTES [N], base64-encoded images)"
                    + " or '" + PIXELS + "' (FP32 [N, 3, " + size + ", " + size + "]); got " + request.inputs().size());
        }
        RequestInput in = request.inputs().get(0);
        long[] s = in.shape();
        switch (in.name()) {
            case IMAGES -> {
                require(in.datatype() == Datatype.BYTES, "input '" + IMAGES + "' is BYTES (base64-encoded images), not "
                        + in.datatype());
                require(s.length == 1 || s.length == 2 && s[1] == 1, "input '" + IMAGES + "' has shape [N] or [N, 1],"
                        + " not " + in.shapeText());
            }
            case PIXELS -> {
                require(in.datatype() == Datatype.FP32, "input '" + PIXELS + "' is FP32, not " + in.datatype());
                require(s.length == 4 && s[1] == 3 && s[2] == size && s[3] == size, "input '" + PIXELS
                        + "' has shape [N, 3, " + size + ", " + size + "] (this model's input size), not "
                        + in.shapeText());
            }
            default -> throw new ProtocolException("unknown input '" + in.name() + "': this model takes '" + IMAGES
                    + "' (BYTES [N], base64-encoded images) or '" + PIXELS + "' (FP32 [N, 3, " + size + ", " + size
                    + "], preprocessed)");
        }
        require(s[0] >= 1, "input '" + in.name() + "' holds no image (N = 0)");
        return in;
    }

    /** The outputs asked for, checked: the request's names (in its order), or {@link #DEFAULT_OUTPUTS}. */
    public static List<String> outputs(InferenceRequest request) {
        for (String name : request.outputs()) {
            require(OUTPUTS.contains(name), "unknown output '" + name + "': this model gives '" + SCORE + "', '"
                    + LABEL + "' and '" + CAM + "'");
        }
        require(request.outputs().stream().distinct().count() == request.outputs().size(),
                "an output is asked for twice: " + request.outputs());
        return request.outputs().isEmpty() ? DEFAULT_OUTPUTS : request.outputs();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ProtocolException(message);
        }
    }
}
