package cyborg.image.webp;

/**
 * VP8's intra predictors (RFC 6386 section 12), on libwebp's work-buffer layout: a block at
 * offset {@code d} of a buffer of row stride {@link #BPS} reads its top row at {@code d - BPS},
 * its left column at {@code d - 1} and, for the 4x4 diagonal modes, four samples above-right.
 * The 16x16 and chroma DC modes have variants for the picture's top and left edges, where the
 * missing samples are left out of the mean instead of taken as 127 or 129.
 */
final class Vp8Predict {
    static final int BPS = 32;

    // 4x4 sub-block modes (RFC 6386 order); the 16x16 and chroma modes reuse the first four.
    static final int B_DC = 0;
    static final int B_TM = 1;
    static final int B_VE = 2;
    static final int B_HE = 3;
    static final int B_RD = 4;
    static final int B_VR = 5;
    static final int B_LD = 6;
    static final int B_VL = 7;
    static final int B_HD = 8;
    static final int B_HU = 9;

    private Vp8Predict() {
    }

    private static int avg3(int a, int b, int c) {
        return (a + 2 * b + c + 2) >> 2;
    }

    private static int avg2(int a, int b) {
        return (a + b + 1) >> 1;
    }

    private static int clip255(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static void fill(int[] w, int d, int size, int v) {
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) {
                w[d + j * BPS + i] = v;
            }
        }
    }

    /** 16x16 luma ({@code size} 16) or 8x8 chroma ({@code size} 8) prediction. */
    static void block(int[] w, int d, int size, int mode, boolean hasTop, boolean hasLeft) {
        switch (mode) {
            case B_DC -> {
                int shift = size == 16 ? 4 : 3;
                int sum = 0;
                if (hasTop) {
                    for (int i = 0; i < size; i++) {
                        sum += w[d - BPS + i];
                    }
                }
                if (hasLeft) {
                    for (int j = 0; j < size; j++) {
                        sum += w[d - 1 + j * BPS];
                    }
                }
                int dc;
                if (hasTop && hasLeft) {
                    dc = (sum + size) >> (shift + 1);
                } else if (hasTop || hasLeft) {
                    dc = (sum + (size >> 1)) >> shift;
                } else {
                    dc = 0x80;
                }
                fill(w, d, size, dc);
            }
            case B_TM -> trueMotion(w, d, size);
            case B_VE -> {
                for (int j = 0; j < size; j++) {
                    System.arraycopy(w, d - BPS, w, d + j * BPS, size);
                }
            }
            case B_HE -> {
                for (int j = 0; j < size; j++) {
                    int v = w[d + j * BPS - 1];
                    for (int i = 0; i < size; i++) {
                        w[d + j * BPS + i] = v;
                    }
                }
            }
            default -> throw new IllegalStateException("mode " + mode);
        }
    }

    private static void trueMotion(int[] w, int d, int size) {
        int topLeft = w[d - BPS - 1];
        for (int j = 0; j < size; j++) {
            int left = w[d + j * BPS - 1];
            for (int i = 0; i < size; i++) {
                w[d + j * BPS + i] = clip255(left + w[d - BPS + i] - topLeft);
            }
        }
    }

    private static void set(int[] w, int d, int x, int y, int v) {
        w[d + x + y * BPS] = v;
    }

    /** 4x4 luma sub-block prediction. */
    static void sub(int[] w, int d, int mode) {
        int top = d - BPS;
        int i = w[d - 1];
        int j = w[d - 1 + BPS];
        int k = w[d - 1 + 2 * BPS];
        int l = w[d - 1 + 3 * BPS];
        int x = w[top - 1];
        int a = w[top];
        int b = w[top + 1];
        int c = w[top + 2];
        int dd = w[top + 3];
        int e = w[top + 4];
        int f = w[top + 5];
        int g = w[top + 6];
        int h = w[top + 7];
        switch (mode) {
            case B_DC -> {
                int dc = 4;
                for (int n = 0; n < 4; n++) {
                    dc += w[top + n] + w[d - 1 + n * BPS];
                }
                fill(w, d, 4, dc >> 3);
            }
            case B_TM -> trueMotion(w, d, 4);
            case B_VE -> {
                int[] vals = {avg3(x, a, b), avg3(a, b, c), avg3(b, c, dd), avg3(c, dd, e)};
                for (int row = 0; row < 4; row++) {
                    for (int col = 0; col < 4; col++) {
                        set(w, d, col, row, vals[col]);
                    }
                }
            }
            case B_HE -> {
                int[] vals = {avg3(x, i, j), avg3(i, j, k), avg3(j, k, l), avg3(k, l, l)};
                for (int row = 0; row < 4; row++) {
                    for (int col = 0; col < 4; col++) {
                        set(w, d, col, row, vals[row]);
                    }
                }
            }
            case B_RD -> {
                set(w, d, 0, 3, avg3(j, k, l));
                int v = avg3(i, j, k);
                set(w, d, 1, 3, v);
                set(w, d, 0, 2, v);
                v = avg3(x, i, j);
                set(w, d, 2, 3, v);
                set(w, d, 1, 2, v);
                set(w, d, 0, 1, v);
                v = avg3(a, x, i);
                set(w, d, 3, 3, v);
                set(w, d, 2, 2, v);
                set(w, d, 1, 1, v);
                set(w, d, 0, 0, v);
                v = avg3(b, a, x);
                set(w, d, 3, 2, v);
                set(w, d, 2, 1, v);
                set(w, d, 1, 0, v);
                v = avg3(c, b, a);
                set(w, d, 3, 1, v);
                set(w, d, 2, 0, v);
                set(w, d, 3, 0, avg3(dd, c, b));
            }
            case B_LD -> {
                set(w, d, 0, 0, avg3(a, b, c));
                int v = avg3(b, c, dd);
                set(w, d, 1, 0, v);
                set(w, d, 0, 1, v);
                v = avg3(c, dd, e);
                set(w, d, 2, 0, v);
                set(w, d, 1, 1, v);
                set(w, d, 0, 2, v);
                v = avg3(dd, e, f);
                set(w, d, 3, 0, v);
                set(w, d, 2, 1, v);
                set(w, d, 1, 2, v);
                set(w, d, 0, 3, v);
                v = avg3(e, f, g);
                set(w, d, 3, 1, v);
                set(w, d, 2, 2, v);
                set(w, d, 1, 3, v);
                v = avg3(f, g, h);
                set(w, d, 3, 2, v);
                set(w, d, 2, 3, v);
                set(w, d, 3, 3, avg3(g, h, h));
            }
            case B_VR -> {
                int v = avg2(x, a);
                set(w, d, 0, 0, v);
                set(w, d, 1, 2, v);
                v = avg2(a, b);
                set(w, d, 1, 0, v);
                set(w, d, 2, 2, v);
                v = avg2(b, c);
                set(w, d, 2, 0, v);
                set(w, d, 3, 2, v);
                set(w, d, 3, 0, avg2(c, dd));
                set(w, d, 0, 3, avg3(k, j, i));
                set(w, d, 0, 2, avg3(j, i, x));
                v = avg3(i, x, a);
                set(w, d, 0, 1, v);
                set(w, d, 1, 3, v);
                v = avg3(x, a, b);
                set(w, d, 1, 1, v);
                set(w, d, 2, 3, v);
                v = avg3(a, b, c);
                set(w, d, 2, 1, v);
                set(w, d, 3, 3, v);
                set(w, d, 3, 1, avg3(b, c, dd));
            }
            case B_VL -> {
                set(w, d, 0, 0, avg2(a, b));
                int v = avg2(b, c);
                set(w, d, 1, 0, v);
                set(w, d, 0, 2, v);
                v = avg2(c, dd);
                set(w, d, 2, 0, v);
                set(w, d, 1, 2, v);
                v = avg2(dd, e);
                set(w, d, 3, 0, v);
                set(w, d, 2, 2, v);
                set(w, d, 0, 1, avg3(a, b, c));
                v = avg3(b, c, dd);
                set(w, d, 1, 1, v);
                set(w, d, 0, 3, v);
                v = avg3(c, dd, e);
                set(w, d, 2, 1, v);
                set(w, d, 1, 3, v);
                v = avg3(dd, e, f);
                set(w, d, 3, 1, v);
                set(w, d, 2, 3, v);
                set(w, d, 3, 2, avg3(e, f, g));
                set(w, d, 3, 3, avg3(f, g, h));
            }
            case B_HU -> {
                set(w, d, 0, 0, avg2(i, j));
                int v = avg2(j, k);
                set(w, d, 2, 0, v);
                set(w, d, 0, 1, v);
                v = avg2(k, l);
                set(w, d, 2, 1, v);
                set(w, d, 0, 2, v);
                set(w, d, 1, 0, avg3(i, j, k));
                v = avg3(j, k, l);
                set(w, d, 3, 0, v);
                set(w, d, 1, 1, v);
                v = avg3(k, l, l);
                set(w, d, 3, 1, v);
                set(w, d, 1, 2, v);
                set(w, d, 3, 2, l);
                set(w, d, 2, 2, l);
                set(w, d, 0, 3, l);
                set(w, d, 1, 3, l);
                set(w, d, 2, 3, l);
                set(w, d, 3, 3, l);
            }
            case B_HD -> {
                int v = avg2(i, x);
                set(w, d, 0, 0, v);
                set(w, d, 2, 1, v);
                v = avg2(j, i);
                set(w, d, 0, 1, v);
                set(w, d, 2, 2, v);
                v = avg2(k, j);
                set(w, d, 0, 2, v);
                set(w, d, 2, 3, v);
                set(w, d, 0, 3, avg2(l, k));
                set(w, d, 3, 0, avg3(a, b, c));
                set(w, d, 2, 0, avg3(x, a, b));
                v = avg3(i, x, a);
                set(w, d, 1, 0, v);
                set(w, d, 3, 1, v);
                v = avg3(j, i, x);
                set(w, d, 1, 1, v);
                set(w, d, 3, 2, v);
                v = avg3(k, j, i);
                set(w, d, 1, 2, v);
                set(w, d, 3, 3, v);
                set(w, d, 1, 3, avg3(l, k, j));
            }
            default -> throw new IllegalStateException("mode " + mode);
        }
    }
}
