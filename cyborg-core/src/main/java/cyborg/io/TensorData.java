package cyborg.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A tensor's raw content independent of any engine: dtype, shape and little-endian bytes.
 *
 * @param dtype safetensors dtype name: {@code F32}, {@code F64} or {@code I64}
 * @param shape dimensions
 * @param data little-endian values
 */
public record TensorData(String dtype, long[] shape, byte[] data) {
    /** A float32 tensor. */
    public static TensorData ofFloats(long[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new TensorData("F32", shape, b.array());
    }

    /** An int64 tensor. */
    public static TensorData ofLongs(long[] shape, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return new TensorData("I64", shape, b.array());
    }

    /** Number of elements. */
    public long size() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    /** The values as floats (F32 only). */
    public float[] floats() {
        if (!dtype.equals("F32")) {
            throw new IllegalStateException("tensor is " + dtype + ", not F32");
        }
        float[] v = new float[data.length / 4];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /** The values as longs (I64 only). */
    public long[] longs() {
        if (!dtype.equals("I64")) {
            throw new IllegalStateException("tensor is " + dtype + ", not I64");
        }
        long[] v = new long[data.length / 8];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(v);
        return v;
    }

    /** Shape as text, e.g. {@code [2, 512]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }
}
