package cyborg.web.annotate.imports;

/**
 * Label Studio's brush RLE: the bit-packed run-length code of thi.ng/rle-pack over the flattened
 * RGBA pixels (height x width x 4, row-major) of the brush layer, decoded as label-studio-converter's
 * {@code brush.decode_rle} does. Bits are read most significant first from the byte array:
 * <pre>
 *   num        32 bits   number of values (must be width * height * 4)
 *   wordSize    5 bits   + 1
 *   rleSizes  4 x 4 bits + 1 each
 *   then until num values: flag 1 bit, size index 2 bits, n = rleSizes[index] bits;
 *     run length = n + 1; flag 1: one word repeated; flag 0: that many literal words
 * </pre>
 * The converter's mask is the alpha channel ({@code reshape(h, w, 4)[:, :, 3]}); a pixel is in the
 * mask when its alpha is &gt; 0.
 */
final class LabelStudioRle {
    private LabelStudioRle() {
    }

    /** Decode {@code bytes} to a row-major width * height mask of alpha &gt; 0. */
    static boolean[] decode(int[] bytes, int width, int height) {
        Bits in = new Bits(bytes);
        long num = in.read(32);
        int wordSize = (int) in.read(5) + 1;
        int[] rleSizes = new int[4];
        for (int k = 0; k < 4; k++) {
            rleSizes[k] = (int) in.read(4) + 1;
        }
        long expected = 4L * width * height;
        if (num != expected) {
            throw new IllegalArgumentException("the RLE holds " + num + " values but an RGBA image of "
                    + width + "x" + height + " has " + expected + " (original_width/original_height do not"
                    + " match the brush data)");
        }
        boolean[] mask = new boolean[width * height];
        long i = 0;
        while (i < num) {
            boolean repeat = in.read(1) == 1;
            int sizeIndex = (int) in.read(2);
            long j = i + 1 + in.read(rleSizes[sizeIndex]);
            if (repeat) {
                long value = word(in, wordSize);
                long end = Math.min(j, num); // numpy slice assignment stops at the array's end
                if (value > 0) {
                    for (long v = i; v < end; v++) {
                        set(mask, v);
                    }
                }
                i = j;
            } else {
                if (j > num) {
                    throw new IllegalArgumentException("a literal run of " + (j - i) + " values at value " + i
                            + " goes past the end (" + num + " values)");
                }
                for (; i < j; i++) {
                    if (word(in, wordSize) > 0) {
                        set(mask, i);
                    }
                }
            }
        }
        return mask;
    }

    private static void set(boolean[] mask, long valueIndex) {
        if (valueIndex % 4 == 3) { // the alpha value of pixel valueIndex / 4
            mask[(int) (valueIndex / 4)] = true;
        }
    }

    private static long word(Bits in, int wordSize) {
        long value = in.read(wordSize);
        if (value > 255) {
            throw new IllegalArgumentException("value " + value + " does not fit the converter's uint8 image");
        }
        return value;
    }

    /** Most-significant-bit-first reader over bytes given as ints 0..255. */
    private static final class Bits {
        private final int[] bytes;
        private long pos;

        Bits(int[] bytes) {
            this.bytes = bytes;
        }

        long read(int n) {
            if (pos + n > 8L * bytes.length) {
                throw new IllegalArgumentException("the RLE ends early (" + bytes.length + " bytes, needed bit "
                        + (pos + n) + ")");
            }
            long out = 0;
            for (int k = 0; k < n; k++, pos++) {
                int bit = (bytes[(int) (pos >>> 3)] >>> (7 - (int) (pos & 7))) & 1;
                out = (out << 1) | bit;
            }
            return out;
        }
    }
}
