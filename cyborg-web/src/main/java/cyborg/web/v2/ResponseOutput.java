package cyborg.web.v2;

/**
 * One output tensor of a response ({@code $response_output}), its data flat in row-major order.
 *
 * @param data a {@code float[]} for FP32, a {@code List<String>} for BYTES
 */
public record ResponseOutput(String name, Datatype datatype, long[] shape, Object data) {
}
