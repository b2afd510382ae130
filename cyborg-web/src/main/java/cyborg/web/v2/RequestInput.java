package cyborg.web.v2;

import java.util.Arrays;
import java.util.List;

/**
 * One input tensor of a request ({@code $request_input}), its elements as they were sent: numbers
 * (and booleans as 1 or 0) in {@code numbers}, or strings in {@code strings}; the other is null.
 * The element count equals the product of the shape (checked when parsed).
 */
public record RequestInput(String name, Datatype datatype, long[] shape, float[] numbers, List<String> strings) {
    /** How many elements it holds. */
    public long count() {
        return numbers != null ? numbers.length : strings.size();
    }

    /** The shape as the protocol writes it, e.g. {@code [2, 3, 64, 64]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }
}
