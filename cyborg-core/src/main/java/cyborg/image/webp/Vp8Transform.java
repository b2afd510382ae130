package cyborg.image.webp;

/**
 * VP8's inverse transforms (RFC 6386 section 14) in libwebp's integer arithmetic: the 4x4 DCT
 * with its 20091/35468 multipliers, added to the prediction with clipping, and the Walsh-Hadamard
 * transform that carries the 16 luma DCs of a 16x16-predicted macroblock.
 */
final class Vp8Transform {
    private Vp8Transform() {
    }

    private static int mul1(int a) {
        return ((a * 20091) >> 16) + a;
    }

    private static int mul2(int a) {
        return (a * 35468) >> 16;
    }

    private static int clip255(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** Adds the inverse DCT of {@code in[off..off+15]} to the 4x4 block at {@code d} of {@code w}. */
    static void idctAdd(int[] in, int off, int[] w, int d) {
        int[] tmp = new int[16];
        for (int i = 0; i < 4; i++) { // vertical pass
            int a = in[off + i] + in[off + 8 + i];
            int b = in[off + i] - in[off + 8 + i];
            int c = mul2(in[off + 4 + i]) - mul1(in[off + 12 + i]);
            int dd = mul1(in[off + 4 + i]) + mul2(in[off + 12 + i]);
            tmp[4 * i] = a + dd;
            tmp[4 * i + 1] = b + c;
            tmp[4 * i + 2] = b - c;
            tmp[4 * i + 3] = a - dd;
        }
        for (int i = 0; i < 4; i++) { // horizontal pass, one output row each
            int dc = tmp[i] + 4;
            int a = dc + tmp[8 + i];
            int b = dc - tmp[8 + i];
            int c = mul2(tmp[4 + i]) - mul1(tmp[12 + i]);
            int dd = mul1(tmp[4 + i]) + mul2(tmp[12 + i]);
            int row = d + i * Vp8Predict.BPS;
            w[row] = clip255(w[row] + ((a + dd) >> 3));
            w[row + 1] = clip255(w[row + 1] + ((b + c) >> 3));
            w[row + 2] = clip255(w[row + 2] + ((b - c) >> 3));
            w[row + 3] = clip255(w[row + 3] + ((a - dd) >> 3));
        }
    }

    /** Inverse WHT of the 16 DCs in {@code in}, written to coefficient 0 of the 16 luma blocks. */
    static void wht(int[] in, int[] coeffs) {
        int[] tmp = new int[16];
        for (int i = 0; i < 4; i++) {
            int a0 = in[i] + in[12 + i];
            int a1 = in[4 + i] + in[8 + i];
            int a2 = in[4 + i] - in[8 + i];
            int a3 = in[i] - in[12 + i];
            tmp[i] = a0 + a1;
            tmp[8 + i] = a0 - a1;
            tmp[4 + i] = a3 + a2;
            tmp[12 + i] = a3 - a2;
        }
        for (int i = 0; i < 4; i++) {
            int dc = tmp[i * 4] + 3;
            int a0 = dc + tmp[3 + i * 4];
            int a1 = tmp[1 + i * 4] + tmp[2 + i * 4];
            int a2 = tmp[1 + i * 4] - tmp[2 + i * 4];
            int a3 = dc - tmp[3 + i * 4];
            int block = i * 4; // row i of the 4x4 grid of luma blocks
            coeffs[(block) * 16] = (a0 + a1) >> 3;
            coeffs[(block + 1) * 16] = (a3 + a2) >> 3;
            coeffs[(block + 2) * 16] = (a0 - a1) >> 3;
            coeffs[(block + 3) * 16] = (a3 - a2) >> 3;
        }
    }
}
