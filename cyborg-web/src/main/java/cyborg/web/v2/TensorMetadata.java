package cyborg.web.v2;

/**
 * A tensor as model metadata describes it ({@code $metadata_tensor}).
 *
 * @param shape dimensions; -1 for a variable one (the batch)
 */
public record TensorMetadata(String name, Datatype datatype, long[] shape) {
}
