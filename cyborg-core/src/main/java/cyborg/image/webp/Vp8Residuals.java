package cyborg.image.webp;

import java.util.Arrays;

/**
 * Reads a macroblock's DCT tokens (RFC 6386 section 13) with the frame's token probabilities and
 * dequantises them with its segment's quantiser steps, as libwebp does; the luma DCs of a
 * 16x16-predicted macroblock come through the Walsh-Hadamard transform.
 */
final class Vp8Residuals {
    private final int[] probs;
    private final int[][] y1Mat;
    private final int[][] y2Mat;
    private final int[][] uvMat;

    /** {@code probs}: [type][band][ctx][token] flattened; matrices: [segment] -> {DC step, AC step}. */
    Vp8Residuals(int[] probs, int[][] y1Mat, int[][] y2Mat, int[][] uvMat) {
        this.probs = probs;
        this.y1Mat = y1Mat;
        this.y2Mat = y2Mat;
        this.uvMat = uvMat;
    }

    private int probIndex(int type, int band, int ctx) {
        return ((type * 8 + band) * 3 + ctx) * 11;
    }

    /**
     * Reads the tokens of one 4x4 block from position {@code n} on, dequantised into
     * {@code out[off + zigzag]}; returns the index after the last non-zero token (0 if none).
     */
    private int coeffs(Vp8BoolDecoder br, int type, int ctx, int dcq, int acq, int n, int[] out, int off) {
        int p = probIndex(type, Vp8Tables.BANDS[n], ctx);
        for (; n < 16; n++) {
            if (br.bit(probs[p]) == 0) {
                return n; // end of block
            }
            while (br.bit(probs[p + 1]) == 0) { // a zero token
                n++;
                if (n == 16) {
                    return 16;
                }
                p = probIndex(type, Vp8Tables.BANDS[n], 0);
            }
            int v;
            int nextBand = Vp8Tables.BANDS[n + 1];
            if (br.bit(probs[p + 2]) == 0) {
                v = 1;
                p = probIndex(type, nextBand, 1);
            } else {
                v = largeValue(br, p);
                p = probIndex(type, nextBand, 2);
            }
            out[off + Vp8Tables.ZIGZAG[n]] = br.signed(v) * (n > 0 ? acq : dcq);
        }
        return 16;
    }

    private int largeValue(Vp8BoolDecoder br, int p) {
        if (br.bit(probs[p + 3]) == 0) {
            if (br.bit(probs[p + 4]) == 0) {
                return 2;
            }
            return 3 + br.bit(probs[p + 5]);
        }
        if (br.bit(probs[p + 6]) == 0) {
            if (br.bit(probs[p + 7]) == 0) {
                return 5 + br.bit(159);
            }
            int v = 7 + 2 * br.bit(165);
            return v + br.bit(145);
        }
        int bit1 = br.bit(probs[p + 8]);
        int bit0 = br.bit(probs[p + 9 + bit1]);
        int cat = 2 * bit1 + bit0;
        int v = 0;
        for (int prob : Vp8Tables.CAT_PROBS[cat]) {
            v += v + br.bit(prob);
        }
        return v + 3 + (8 << cat);
    }

    /**
     * Reads a macroblock's coefficients. {@code top[t..t+8]} and {@code left[0..8]} are the
     * "has non-zero coefficients" flags of the neighbouring blocks: 4 luma, 2 U, 2 V, Y2.
     */
    void parse(Vp8BoolDecoder br, Vp8Macroblock mb, int[] top, int t, int[] left) {
        int[] c = mb.coeffs;
        Arrays.fill(c, 0);
        int s = mb.segment;
        boolean any = false;
        int first;
        int acType;
        if (!mb.i4x4) {
            int[] dc = new int[16];
            int ctx = top[t + 8] + left[8];
            int nz = coeffs(br, 1, ctx, y2Mat[s][0], y2Mat[s][1], 0, dc, 0);
            top[t + 8] = left[8] = nz > 0 ? 1 : 0;
            if (nz > 1) {
                Vp8Transform.wht(dc, c);
            } else { // only the DC: the WHT reduces to this
                int dc0 = (dc[0] + 3) >> 3;
                for (int i = 0; i < 256; i += 16) {
                    c[i] = dc0;
                }
            }
            first = 1;
            acType = 0;
        } else {
            first = 0;
            acType = 3;
        }
        for (int y = 0; y < 4; y++) {
            int l = left[y];
            for (int x = 0; x < 4; x++) {
                int ctx = l + top[t + x];
                int off = (y * 4 + x) * 16;
                int nz = coeffs(br, acType, ctx, y1Mat[s][0], y1Mat[s][1], first, c, off);
                l = nz > first ? 1 : 0;
                top[t + x] = l;
                // nz counts from 'first': 1 with no token read at all when the DC came from Y2
                any |= nz > 1 || c[off] != 0;
            }
            left[y] = l;
        }
        for (int ch = 0; ch < 2; ch++) { // U then V
            int base = 4 + ch * 2;
            for (int y = 0; y < 2; y++) {
                int l = left[base + y];
                for (int x = 0; x < 2; x++) {
                    int ctx = l + top[t + base + x];
                    int off = 256 + ch * 64 + (y * 2 + x) * 16;
                    int nz = coeffs(br, 2, ctx, uvMat[s][0], uvMat[s][1], 0, c, off);
                    l = nz > 0 ? 1 : 0;
                    top[t + base + x] = l;
                    any |= nz > 0;
                }
                left[base + y] = l;
            }
        }
        mb.nonZero = any;
    }
}
