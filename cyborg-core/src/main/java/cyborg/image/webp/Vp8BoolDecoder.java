package cyborg.image.webp;

/**
 * VP8's boolean entropy decoder (RFC 6386 section 7), in libwebp's formulation: the range is kept
 * minus one, bytes are loaded one at a time as bits run out, and reading past the end feeds zero
 * bits once and marks {@link #pastEnd()}, so a truncated partition is detected where libwebp
 * detects it. {@link #signed} is libwebp's fast sign read, which differs from a plain
 * probability-128 bit in one corner of the range; PIL decodes with it, so we do too.
 */
final class Vp8BoolDecoder {
    private final byte[] data;
    private int pos;
    private final int end;
    private long value;
    private int range = 255 - 1;
    private int bits = -8;
    private boolean eof;

    Vp8BoolDecoder(byte[] data, int offset, int length) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
        loadByte();
    }

    /** True once a byte beyond the partition was needed: the stream is truncated. */
    boolean pastEnd() {
        return eof;
    }

    private void loadByte() {
        if (pos < end) {
            bits += 8;
            value = (data[pos++] & 0xFF) | (value << 8);
        } else if (!eof) {
            value <<= 8;
            bits += 8;
            eof = true;
        } else {
            bits = 0; // keeps the shifts defined; the caller reports the truncation
        }
    }

    /** One bit that is 0 with probability {@code prob / 256}. */
    int bit(int prob) {
        int r = range;
        if (bits < 0) {
            loadByte();
        }
        int p = bits;
        int split = (r * prob) >>> 8;
        int v = (int) (value >>> p);
        int bit;
        if (v > split) {
            r -= split;
            value -= (long) (split + 1) << p;
            bit = 1;
        } else {
            r = split + 1;
            bit = 0;
        }
        int shift = 7 ^ (31 - Integer.numberOfLeadingZeros(r));
        r <<= shift;
        bits -= shift;
        range = r - 1;
        return bit;
    }

    /** {@code v} with a sign read at probability one half (libwebp's VP8GetSigned). */
    int signed(int v) {
        if (bits < 0) {
            loadByte();
        }
        int p = bits;
        int split = range >> 1;
        int val = (int) (value >>> p);
        int mask = (split - val) >> 31; // -1 when the sign bit is 1
        bits -= 1;
        range += mask;
        range |= 1;
        value -= (long) ((split + 1) & mask) << p;
        return (v ^ mask) - mask;
    }

    /** An unsigned literal of {@code n} bits, most significant first. */
    int literal(int n) {
        int v = 0;
        while (n-- > 0) {
            v |= bit(0x80) << n;
        }
        return v;
    }

    /** A magnitude of {@code n} bits followed by a sign bit. */
    int signedLiteral(int n) {
        int v = literal(n);
        return bit(0x80) == 1 ? -v : v;
    }

    /** A flag bit: whether an optional field follows. */
    boolean flag() {
        return bit(0x80) == 1;
    }
}
