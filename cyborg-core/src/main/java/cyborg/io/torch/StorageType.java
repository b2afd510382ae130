package cyborg.io.torch;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The typed storages a torch checkpoint names in its pickle ({@code torch.FloatStorage} etc.), with
 * their element size and how one element widens to cyborg's float32 / int64.
 */
enum StorageType {
    FLOAT("FloatStorage", 4, true),
    DOUBLE("DoubleStorage", 8, true),
    HALF("HalfStorage", 2, true),
    BFLOAT16("BFloat16Storage", 2, true),
    LONG("LongStorage", 8, false),
    INT("IntStorage", 4, false),
    SHORT("ShortStorage", 2, false),
    CHAR("CharStorage", 1, false), // int8
    BYTE("ByteStorage", 1, false), // uint8
    BOOL("BoolStorage", 1, false);

    /** Class name inside module {@code torch}. */
    final String pickleName;
    /** Bytes per element. */
    final int size;
    /** Floating point (read as F32/F64) rather than integral (read as I64). */
    final boolean floating;

    StorageType(String pickleName, int size, boolean floating) {
        this.pickleName = pickleName;
        this.size = size;
        this.floating = floating;
    }

    /** The type named {@code torch.<name>}, or null if cyborg cannot read it (complex, quantized...). */
    static StorageType byPickleName(String name) {
        for (StorageType t : values()) {
            if (t.pickleName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The storage type that holds a {@code TensorData} dtype, for writing. */
    static StorageType forDtype(String dtype) {
        switch (dtype) {
            case "F32": return FLOAT;
            case "F64": return DOUBLE;
            case "I64": return LONG;
            default: throw new IllegalArgumentException("cannot write dtype " + dtype + " (F32, F64 or I64 only)");
        }
    }

    /** Element {@code index} as a double (floating types only); {@code b} carries the file's byte order. */
    double readDouble(ByteBuffer b, int index) {
        int at = index * size;
        switch (this) {
            case FLOAT: return b.getFloat(at);
            case DOUBLE: return b.getDouble(at);
            case HALF: return halfToFloat(b.getShort(at));
            // bfloat16 is the top half of a float32, so widening is a shift: exact.
            case BFLOAT16: return Float.intBitsToFloat((b.getShort(at) & 0xffff) << 16);
            default: throw new IllegalStateException(this + " is not floating point");
        }
    }

    /** Element {@code index} as a long (integral types only). */
    long readLong(ByteBuffer b, int index) {
        int at = index * size;
        switch (this) {
            case LONG: return b.getLong(at);
            case INT: return b.getInt(at);
            case SHORT: return b.getShort(at);
            case CHAR: return b.get(at);
            case BYTE: return b.get(at) & 0xff;
            case BOOL: return b.get(at) != 0 ? 1 : 0;
            default: throw new IllegalStateException(this + " is floating point");
        }
    }

    /**
     * IEEE 754 binary16 to float32, exactly (every half value is representable as a float).
     * Written out because {@code Float.float16ToFloat} needs Java 20.
     */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) { // infinity or NaN: keep the payload
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            // zero or subnormal: value = mant * 2^-24, exact in float arithmetic
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    @Override
    public String toString() {
        return "torch." + pickleName + " (" + name().toLowerCase(Locale.ROOT) + ")";
    }
}
