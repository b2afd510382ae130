package cyborg.image.webp;

/**
 * VP8's in-loop deblocking filter (RFC 6386 section 15) as libwebp applies it: macroblock by
 * macroblock in raster order, each filtering its left edge, its inner vertical edges, its top
 * edge and its inner horizontal edges, in that order, on the already filtered neighbours. The
 * simple filter touches luma only; the normal one luma and chroma.
 */
final class Vp8LoopFilter {
    private Vp8LoopFilter() {
    }

    private static int sclip1(int v) { // [-1020, 1020] -> [-128, 127]
        return v < -128 ? -128 : Math.min(v, 127);
    }

    private static int sclip2(int v) { // [-112, 112] -> [-16, 15]
        return v < -16 ? -16 : Math.min(v, 15);
    }

    private static int clip1(int v) { // [-255, 511] -> [0, 255]
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static int at(byte[] p, int i) {
        return p[i] & 0xFF;
    }

    /**
     * Filters the planes in place. {@code info} holds per macroblock (raster order) the edge
     * limit (0: not filtered), the interior limit, the high-edge-variance threshold and whether
     * inner edges are filtered.
     */
    static void filter(boolean simple, int[] info, int mbW, int mbH,
                       byte[] y, int yStride, byte[] u, byte[] v, int uvStride) {
        for (int mbY = 0; mbY < mbH; mbY++) {
            for (int mbX = 0; mbX < mbW; mbX++) {
                int fi = (mbY * mbW + mbX) * 4;
                int limit = info[fi];
                if (limit == 0) {
                    continue;
                }
                int ilevel = info[fi + 1];
                int hev = info[fi + 2];
                boolean inner = info[fi + 3] != 0;
                int yd = mbY * 16 * yStride + mbX * 16;
                int uvd = mbY * 8 * uvStride + mbX * 8;
                if (simple) {
                    if (mbX > 0) {
                        simpleEdge(y, yd, 1, yStride, limit + 4);
                    }
                    if (inner) {
                        for (int k = 1; k <= 3; k++) {
                            simpleEdge(y, yd + 4 * k, 1, yStride, limit);
                        }
                    }
                    if (mbY > 0) {
                        simpleEdge(y, yd, yStride, 1, limit + 4);
                    }
                    if (inner) {
                        for (int k = 1; k <= 3; k++) {
                            simpleEdge(y, yd + 4 * k * yStride, yStride, 1, limit);
                        }
                    }
                } else {
                    if (mbX > 0) {
                        loop(y, yd, 1, yStride, 16, limit + 4, ilevel, hev, true);
                        loop(u, uvd, 1, uvStride, 8, limit + 4, ilevel, hev, true);
                        loop(v, uvd, 1, uvStride, 8, limit + 4, ilevel, hev, true);
                    }
                    if (inner) {
                        for (int k = 1; k <= 3; k++) {
                            loop(y, yd + 4 * k, 1, yStride, 16, limit, ilevel, hev, false);
                        }
                        loop(u, uvd + 4, 1, uvStride, 8, limit, ilevel, hev, false);
                        loop(v, uvd + 4, 1, uvStride, 8, limit, ilevel, hev, false);
                    }
                    if (mbY > 0) {
                        loop(y, yd, yStride, 1, 16, limit + 4, ilevel, hev, true);
                        loop(u, uvd, uvStride, 1, 8, limit + 4, ilevel, hev, true);
                        loop(v, uvd, uvStride, 1, 8, limit + 4, ilevel, hev, true);
                    }
                    if (inner) {
                        for (int k = 1; k <= 3; k++) {
                            loop(y, yd + 4 * k * yStride, yStride, 1, 16, limit, ilevel, hev, false);
                        }
                        loop(u, uvd + 4 * uvStride, uvStride, 1, 8, limit, ilevel, hev, false);
                        loop(v, uvd + 4 * uvStride, uvStride, 1, 8, limit, ilevel, hev, false);
                    }
                }
            }
        }
    }

    /**
     * The simple filter along 16 positions of an edge: {@code step} crosses the edge,
     * {@code along} moves along it.
     */
    private static void simpleEdge(byte[] p, int at, int step, int along, int thresh) {
        int thresh2 = 2 * thresh + 1;
        for (int i = 0; i < 16; i++) {
            int q = at + i * along;
            if (needsFilter(p, q, step, thresh2)) {
                filter2(p, q, step);
            }
        }
    }

    private static void loop(byte[] p, int at, int step, int along, int size,
                             int thresh, int ithresh, int hevThresh, boolean macroblockEdge) {
        int thresh2 = 2 * thresh + 1;
        for (int i = 0; i < size; i++) {
            int q = at + i * along;
            if (needsFilter2(p, q, step, thresh2, ithresh)) {
                if (hev(p, q, step, hevThresh)) {
                    filter2(p, q, step);
                } else if (macroblockEdge) {
                    filter6(p, q, step);
                } else {
                    filter4(p, q, step);
                }
            }
        }
    }

    private static boolean needsFilter(byte[] p, int q, int step, int t) {
        int p1 = at(p, q - 2 * step);
        int p0 = at(p, q - step);
        int q0 = at(p, q);
        int q1 = at(p, q + step);
        return 4 * Math.abs(p0 - q0) + Math.abs(p1 - q1) <= t;
    }

    private static boolean needsFilter2(byte[] p, int q, int step, int t, int it) {
        int p3 = at(p, q - 4 * step);
        int p2 = at(p, q - 3 * step);
        int p1 = at(p, q - 2 * step);
        int p0 = at(p, q - step);
        int q0 = at(p, q);
        int q1 = at(p, q + step);
        int q2 = at(p, q + 2 * step);
        int q3 = at(p, q + 3 * step);
        if (4 * Math.abs(p0 - q0) + Math.abs(p1 - q1) > t) {
            return false;
        }
        return Math.abs(p3 - p2) <= it && Math.abs(p2 - p1) <= it && Math.abs(p1 - p0) <= it
                && Math.abs(q3 - q2) <= it && Math.abs(q2 - q1) <= it && Math.abs(q1 - q0) <= it;
    }

    private static boolean hev(byte[] p, int q, int step, int thresh) {
        int p1 = at(p, q - 2 * step);
        int p0 = at(p, q - step);
        int q0 = at(p, q);
        int q1 = at(p, q + step);
        return Math.abs(p1 - p0) > thresh || Math.abs(q1 - q0) > thresh;
    }

    private static void filter2(byte[] p, int q, int step) {
        int p1 = at(p, q - 2 * step);
        int p0 = at(p, q - step);
        int q0 = at(p, q);
        int q1 = at(p, q + step);
        int a = 3 * (q0 - p0) + sclip1(p1 - q1);
        int a1 = sclip2((a + 4) >> 3);
        int a2 = sclip2((a + 3) >> 3);
        p[q - step] = (byte) clip1(p0 + a2);
        p[q] = (byte) clip1(q0 - a1);
    }

    private static void filter4(byte[] p, int q, int step) {
        int p1 = at(p, q - 2 * step);
        int p0 = at(p, q - step);
        int q0 = at(p, q);
        int q1 = at(p, q + step);
        int a = 3 * (q0 - p0);
        int a1 = sclip2((a + 4) >> 3);
        int a2 = sclip2((a + 3) >> 3);
        int a3 = (a1 + 1) >> 1;
        p[q - 2 * step] = (byte) clip1(p1 + a3);
        p[q - step] = (byte) clip1(p0 + a2);
        p[q] = (byte) clip1(q0 - a1);
        p[q + step] = (byte) clip1(q1 - a3);
    }

    private static void filter6(byte[] p, int q, int step) {
        int p2 = at(p, q - 3 * step);
        int p1 = at(p, q - 2 * step);
        int p0 = at(p, q - step);
        int q0 = at(p, q);
        int q1 = at(p, q + step);
        int q2 = at(p, q + 2 * step);
        int a = sclip1(3 * (q0 - p0) + sclip1(p1 - q1));
        int a1 = (27 * a + 63) >> 7;
        int a2 = (18 * a + 63) >> 7;
        int a3 = (9 * a + 63) >> 7;
        p[q - 3 * step] = (byte) clip1(p2 + a3);
        p[q - 2 * step] = (byte) clip1(p1 + a2);
        p[q - step] = (byte) clip1(p0 + a1);
        p[q] = (byte) clip1(q0 - a1);
        p[q + step] = (byte) clip1(q1 - a2);
        p[q + 2 * step] = (byte) clip1(q2 - a3);
    }
}
