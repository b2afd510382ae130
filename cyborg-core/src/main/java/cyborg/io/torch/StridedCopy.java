package cyborg.io.torch;

import cyborg.io.TensorData;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Turns a strided view of a storage into a contiguous {@link TensorData}, widening the element
 * type on the way: floating types to F32 (or F64 kept as F64 if asked), integral and bool to I64.
 */
final class StridedCopy {
    private StridedCopy() {}

    /**
     * @param t the view
     * @param storage the storage's raw bytes
     * @param order byte order the file was written in
     * @param keepFloat64 return float64 tensors as F64 instead of narrowing them to F32
     * @throws IllegalArgumentException if the view reaches outside the storage
     */
    static TensorData copy(TensorRef t, byte[] storage, ByteOrder order, boolean keepFloat64) {
        StorageType type = t.storage().type();
        long[] size = t.size();
        long[] stride = t.stride();
        long n = 1;
        long last = t.offset(); // highest element index the view touches
        for (int d = 0; d < size.length; d++) {
            if (size[d] < 0 || stride[d] < 0) {
                throw new IllegalArgumentException("negative size or stride " + Arrays.toString(size)
                        + " / " + Arrays.toString(stride));
            }
            n = Math.multiplyExact(n, size[d]);
            last += (size[d] - 1) * stride[d];
        }
        long elements = storage.length / type.size;
        if (n > 0 && (t.offset() < 0 || last >= elements)) {
            throw new IllegalArgumentException("view (offset " + t.offset() + ", size " + Arrays.toString(size)
                    + ", stride " + Arrays.toString(stride) + ") reaches outside its storage of "
                    + elements + " elements");
        }
        String dtype = !type.floating ? "I64" : (type == StorageType.DOUBLE && keepFloat64 ? "F64" : "F32");
        int outSize = dtype.equals("F32") ? 4 : 8;
        if (n * outSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor of " + n + " elements is too large for one Java array");
        }
        if (n == 0) {
            return new TensorData(dtype, size.clone(), new byte[0]);
        }
        // Fast path: a contiguous little-endian view whose type needs no conversion is a plain slice.
        boolean sameType = (type == StorageType.FLOAT && dtype.equals("F32"))
                || (type == StorageType.DOUBLE && dtype.equals("F64"))
                || type == StorageType.LONG;
        if (sameType && order == ByteOrder.LITTLE_ENDIAN && isContiguous(size, stride)) {
            int from = (int) (t.offset() * type.size);
            return new TensorData(dtype, size.clone(), Arrays.copyOfRange(storage, from, from + (int) n * outSize));
        }
        ByteBuffer src = ByteBuffer.wrap(storage).order(order);
        ByteBuffer dst = ByteBuffer.allocate((int) n * outSize).order(ByteOrder.LITTLE_ENDIAN);
        long[] index = new long[size.length];
        long at = t.offset();
        for (long i = 0; i < n; i++) {
            int e = (int) at;
            switch (dtype) {
                case "F32": dst.putFloat((float) type.readDouble(src, e)); break;
                case "F64": dst.putDouble(type.readDouble(src, e)); break;
                default: dst.putLong(type.readLong(src, e)); break;
            }
            // advance the multi-index like an odometer, last dimension fastest (row-major)
            for (int d = size.length - 1; d >= 0; d--) {
                index[d]++;
                at += stride[d];
                if (index[d] < size[d]) {
                    break;
                }
                at -= stride[d] * size[d];
                index[d] = 0;
            }
        }
        return new TensorData(dtype, size.clone(), dst.array());
    }

    /** Row-major contiguous; strides of size-1 dimensions do not matter (torch leaves them arbitrary). */
    static boolean isContiguous(long[] size, long[] stride) {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }
}
