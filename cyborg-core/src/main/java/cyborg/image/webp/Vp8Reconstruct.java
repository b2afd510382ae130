package cyborg.image.webp;

import java.util.Arrays;

/**
 * Rebuilds a row of macroblocks (prediction plus inverse transforms) on libwebp's work buffer:
 * stride {@link Vp8Predict#BPS}, one row of top context and a left column per plane. Prediction
 * reads the unfiltered neighbours (the saved bottom rows of the row above, the previous
 * macroblock's right columns); the loop filter runs later on the planes.
 */
final class Vp8Reconstruct {
    private static final int BPS = Vp8Predict.BPS;
    private static final int Y_OFF = BPS + 8;
    private static final int U_OFF = Y_OFF + BPS * 16 + BPS;
    private static final int V_OFF = U_OFF + 16;

    /** The work buffer {@link #row} needs. */
    static int[] workBuffer() {
        return new int[BPS * 17 + BPS * 9];
    }

    private Vp8Reconstruct() {
    }

    /**
     * Reconstructs macroblock row {@code mbY} of an {@code mbW x mbH} frame into the planes,
     * reading and then updating {@code topY/U/V}, the unfiltered bottom rows of the row above.
     */
    static void row(int mbY, int mbW, int mbH, Vp8Macroblock[] row, int[] w,
                    int[][] topY, int[][] topU, int[][] topV,
                    byte[] yPlane, byte[] uPlane, byte[] vPlane, int yStride, int uvStride) {
        // Left edge of the picture: 129; top edge: 127 (RFC 6386 12.2); the corner: 129 below
        // the first row, 127 on it.
        for (int j = 0; j < 16; j++) {
            w[Y_OFF + j * BPS - 1] = 129;
        }
        for (int j = 0; j < 8; j++) {
            w[U_OFF + j * BPS - 1] = 129;
            w[V_OFF + j * BPS - 1] = 129;
        }
        if (mbY > 0) {
            w[Y_OFF - 1 - BPS] = w[U_OFF - 1 - BPS] = w[V_OFF - 1 - BPS] = 129;
        } else {
            Arrays.fill(w, Y_OFF - BPS - 1, Y_OFF - BPS - 1 + 21, 127);
            Arrays.fill(w, U_OFF - BPS - 1, U_OFF - BPS - 1 + 9, 127);
            Arrays.fill(w, V_OFF - BPS - 1, V_OFF - BPS - 1 + 9, 127);
        }
        for (int mbX = 0; mbX < mbW; mbX++) {
            Vp8Macroblock mb = row[mbX];
            if (mbX > 0) { // the previous macroblock's right columns become the left context
                for (int j = -1; j < 16; j++) {
                    System.arraycopy(w, Y_OFF + j * BPS + 12, w, Y_OFF + j * BPS - 4, 4);
                }
                for (int j = -1; j < 8; j++) {
                    System.arraycopy(w, U_OFF + j * BPS + 4, w, U_OFF + j * BPS - 4, 4);
                    System.arraycopy(w, V_OFF + j * BPS + 4, w, V_OFF + j * BPS - 4, 4);
                }
            }
            if (mbY > 0) {
                System.arraycopy(topY[mbX], 0, w, Y_OFF - BPS, 16);
                System.arraycopy(topU[mbX], 0, w, U_OFF - BPS, 8);
                System.arraycopy(topV[mbX], 0, w, V_OFF - BPS, 8);
            }
            int[] c = mb.coeffs;
            if (mb.i4x4) {
                int tr = Y_OFF - BPS + 16; // the four samples above-right of the macroblock
                if (mbY > 0) {
                    for (int i = 0; i < 4; i++) {
                        w[tr + i] = mbX >= mbW - 1 ? topY[mbX][15] : topY[mbX + 1][i];
                    }
                }
                // sub-blocks on the right column below the first row see the same above-right
                for (int r = 1; r <= 3; r++) {
                    System.arraycopy(w, tr, w, tr + 4 * r * BPS, 4);
                }
                for (int n = 0; n < 16; n++) {
                    int d = Y_OFF + (n & 3) * 4 + (n >> 2) * 4 * BPS;
                    Vp8Predict.sub(w, d, mb.imodes[n]);
                    Vp8Transform.idctAdd(c, n * 16, w, d);
                }
            } else {
                Vp8Predict.block(w, Y_OFF, 16, mb.imodes[0], mbY > 0, mbX > 0);
                for (int n = 0; n < 16; n++) {
                    int d = Y_OFF + (n & 3) * 4 + (n >> 2) * 4 * BPS;
                    Vp8Transform.idctAdd(c, n * 16, w, d);
                }
            }
            Vp8Predict.block(w, U_OFF, 8, mb.uvMode, mbY > 0, mbX > 0);
            Vp8Predict.block(w, V_OFF, 8, mb.uvMode, mbY > 0, mbX > 0);
            for (int n = 0; n < 4; n++) {
                int d = (n & 1) * 4 + (n >> 1) * 4 * BPS;
                Vp8Transform.idctAdd(c, 256 + n * 16, w, U_OFF + d);
                Vp8Transform.idctAdd(c, 320 + n * 16, w, V_OFF + d);
            }
            // the unfiltered bottom rows predict the next macroblock row
            if (mbY < mbH - 1) {
                System.arraycopy(w, Y_OFF + 15 * BPS, topY[mbX], 0, 16);
                System.arraycopy(w, U_OFF + 7 * BPS, topU[mbX], 0, 8);
                System.arraycopy(w, V_OFF + 7 * BPS, topV[mbX], 0, 8);
            }
            for (int j = 0; j < 16; j++) {
                int o = (mbY * 16 + j) * yStride + mbX * 16;
                for (int i = 0; i < 16; i++) {
                    yPlane[o + i] = (byte) w[Y_OFF + j * BPS + i];
                }
            }
            for (int j = 0; j < 8; j++) {
                int o = (mbY * 8 + j) * uvStride + mbX * 8;
                for (int i = 0; i < 8; i++) {
                    uPlane[o + i] = (byte) w[U_OFF + j * BPS + i];
                    vPlane[o + i] = (byte) w[V_OFF + j * BPS + i];
                }
            }
        }
    }
}
