package cyborg.image.webp;

import cyborg.image.RgbImage;

/**
 * Converts decoded 4:2:0 planes to RGB as libwebp's default output does (and so PIL): "fancy"
 * upsampling, where each output pixel's chroma is interpolated from the four nearest chroma
 * samples with weights 9/16, 3/16, 3/16, 1/16 (libwebp's integer form: two averaging steps,
 * see {@link #upsampleRowPair}); edge samples are repeated. Then libwebp's fixed-point BT.601
 * conversion, 14-bit multipliers with 6 fractional bits kept ({@link #toR} etc.).
 * TwelveMonkeys' decoder replicates each chroma sample over 2x2 pixels and converts with
 * its own 16-bit fixed-point BT.601 constants instead (with its late loop filtering, up to 126
 * levels off PIL on the golden images).
 */
final class FancyUpsampler {
    private FancyUpsampler() {
    }

    static RgbImage toRgb(YuvPlanes p) {
        int w = p.width();
        int h = p.height();
        byte[] out = new byte[w * h * 3];
        int uvs = p.uvStride();
        // First row: its chroma row is its own "top" (mirrored at the boundary).
        upsampleRowPair(p, 0, -1, 0, 0, out, w);
        // Then rows 2k-1 and 2k, between chroma rows k-1 and k.
        for (int y = 1; y + 1 < h; y += 2) {
            int k = (y + 1) / 2;
            upsampleRowPair(p, y, y + 1, (k - 1) * uvs, k * uvs, out, w);
        }
        // An even height leaves the last row, whose chroma row has nothing below it.
        if ((h & 1) == 0) {
            int last = (h / 2 - 1) * uvs;
            upsampleRowPair(p, h - 1, -1, last, last, out, w);
        }
        return new RgbImage(w, h, out);
    }

    /**
     * Writes output row {@code topRow} (and {@code bottomRow} unless -1) from chroma rows at
     * {@code topUv} (above) and {@code curUv} (below). Per 2x2 square of chroma samples [a b; c d]
     * the top-row pixels get (9a + 3b + 3c + d + 8) / 16 computed as libwebp does:
     * ((a+b+c+d+8 + 2(b+c)) / 8 + a) / 2, which rounds differently from the plain formula.
     */
    private static void upsampleRowPair(YuvPlanes p, int topRow, int bottomRow, int topUv, int curUv,
                                        byte[] out, int len) {
        byte[] us = p.u();
        byte[] vs = p.v();
        byte[] ys = p.y();
        int yTop = topRow * p.yStride();
        int yBot = bottomRow < 0 ? -1 : bottomRow * p.yStride();
        int oTop = topRow * len * 3;
        int oBot = bottomRow < 0 ? -1 : bottomRow * len * 3;
        int lastPair = (len - 1) >> 1;
        int tlU = us[topUv] & 0xFF;
        int tlV = vs[topUv] & 0xFF;
        int lU = us[curUv] & 0xFF;
        int lV = vs[curUv] & 0xFF;
        put(out, oTop, ys[yTop] & 0xFF, (3 * tlU + lU + 2) >> 2, (3 * tlV + lV + 2) >> 2);
        if (yBot >= 0) {
            put(out, oBot, ys[yBot] & 0xFF, (3 * lU + tlU + 2) >> 2, (3 * lV + tlV + 2) >> 2);
        }
        for (int x = 1; x <= lastPair; x++) {
            int tU = us[topUv + x] & 0xFF;
            int tV = vs[topUv + x] & 0xFF;
            int cU = us[curUv + x] & 0xFF;
            int cV = vs[curUv + x] & 0xFF;
            int avgU = tlU + tU + lU + cU + 8;
            int avgV = tlV + tV + lV + cV + 8;
            int diag12U = (avgU + 2 * (tU + lU)) >> 3;
            int diag12V = (avgV + 2 * (tV + lV)) >> 3;
            int diag03U = (avgU + 2 * (tlU + cU)) >> 3;
            int diag03V = (avgV + 2 * (tlV + cV)) >> 3;
            int xa = 2 * x - 1;
            int xb = 2 * x;
            put(out, oTop + xa * 3, ys[yTop + xa] & 0xFF, (diag12U + tlU) >> 1, (diag12V + tlV) >> 1);
            put(out, oTop + xb * 3, ys[yTop + xb] & 0xFF, (diag03U + tU) >> 1, (diag03V + tV) >> 1);
            if (yBot >= 0) {
                put(out, oBot + xa * 3, ys[yBot + xa] & 0xFF, (diag03U + lU) >> 1, (diag03V + lV) >> 1);
                put(out, oBot + xb * 3, ys[yBot + xb] & 0xFF, (diag12U + cU) >> 1, (diag12V + cV) >> 1);
            }
            tlU = tU;
            tlV = tV;
            lU = cU;
            lV = cV;
        }
        if ((len & 1) == 0) { // an even width leaves the last column
            int xl = len - 1;
            put(out, oTop + xl * 3, ys[yTop + xl] & 0xFF, (3 * tlU + lU + 2) >> 2, (3 * tlV + lV + 2) >> 2);
            if (yBot >= 0) {
                put(out, oBot + xl * 3, ys[yBot + xl] & 0xFF, (3 * lU + tlU + 2) >> 2, (3 * lV + tlV + 2) >> 2);
            }
        }
    }

    private static void put(byte[] out, int o, int y, int u, int v) {
        out[o] = (byte) toR(y, v);
        out[o + 1] = (byte) toG(y, u, v);
        out[o + 2] = (byte) toB(y, u);
    }

    /** (v * coeff) / 256: the 14-bit constants below are scaled by 2^14, samples by 2^8. */
    private static int multHi(int v, int coeff) {
        return (v * coeff) >> 8;
    }

    /** Drops the 6 fractional bits, clamping to 0..255. */
    private static int clip8(int v) {
        return (v & ~((256 << 6) - 1)) == 0 ? v >> 6 : v < 0 ? 0 : 255;
    }

    // R = 1.164 (Y-16) + 1.596 (V-128); G = 1.164 (Y-16) - 0.391 (U-128) - 0.813 (V-128);
    // B = 1.164 (Y-16) + 2.018 (U-128), with the offsets folded into the constants.
    static int toR(int y, int v) {
        return clip8(multHi(y, 19077) + multHi(v, 26149) - 14234);
    }

    static int toG(int y, int u, int v) {
        return clip8(multHi(y, 19077) - multHi(u, 6419) - multHi(v, 13320) + 8708);
    }

    static int toB(int y, int u) {
        return clip8(multHi(y, 19077) + multHi(u, 33050) - 17685);
    }
}
