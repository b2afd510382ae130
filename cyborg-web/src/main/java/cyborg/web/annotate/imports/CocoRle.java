package cyborg.web.annotate.imports;

import java.util.Arrays;

/**
 * COCO's run-length masks as pycocotools' C core ({@code common/maskApi.c}) defines them: counts of
 * alternating runs of 0 and 1, starting with 0, over the pixels in column-major (Fortran) order
 * (index = x * h + y).
 */
final class CocoRle {
    private CocoRle() {
    }

    /**
     * {@code rleFrString}: each count is a little-endian run of 6-bit chars (ASCII 48..111) holding 5
     * value bits and a continuation bit (0x20), the last char's 0x10 bit is the sign; from the fourth
     * count on (index &gt; 2) the value is the difference to the count two before.
     */
    static long[] frString(String s) {
        long[] counts = new long[s.length()];
        int m = 0;
        int p = 0;
        while (p < s.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= s.length()) {
                    throw new IllegalArgumentException("the string ends inside a count (last char '"
                            + s.charAt(p - 1) + "' says more follows)");
                }
                char ch = s.charAt(p);
                if (ch < 48 || ch > 111) {
                    throw new IllegalArgumentException("char '" + ch + "' at " + p
                            + " is outside COCO's RLE alphabet (ASCII 48..111)");
                }
                if (k >= 7) {
                    throw new IllegalArgumentException("count ending at char " + p + " is longer than 7 chars");
                }
                int c = ch - 48;
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (m > 2) {
                x += counts[m - 2];
            }
            if (x < 0 || x > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("count #" + m + " decodes to " + x + ", not a run length");
            }
            counts[m++] = x;
        }
        return Arrays.copyOf(counts, m);
    }

    /** {@code rleToString}, the inverse of {@link #frString} (for tests and tools). */
    static String toString(long[] counts) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            long x = counts[i];
            if (i > 2) {
                x -= counts[i - 2];
            }
            boolean more = true;
            while (more) {
                int c = (int) (x & 0x1f);
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                s.append((char) (c + 48));
            }
        }
        return s.toString();
    }

    /**
     * {@code rleDecode} into a row-major (y * w + x) mask. Unlike the C code, which trusts its input,
     * the counts must add up to exactly h * w.
     */
    static boolean[] decode(long[] counts, int h, int w) {
        long area = (long) h * w;
        long sum = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative count " + c);
            }
            sum += c;
        }
        if (sum != area) {
            throw new IllegalArgumentException("counts add up to " + sum + " pixels but size " + h + "x" + w
                    + " (h x w) has " + area);
        }
        boolean[] mask = new boolean[(int) area];
        long k = 0;
        boolean v = false;
        for (long c : counts) {
            if (v) {
                for (long end = k + c; k < end; k++) {
                    int x = (int) (k / h);
                    int y = (int) (k % h);
                    mask[y * w + x] = true;
                }
            } else {
                k += c;
            }
            v = !v;
        }
        return mask;
    }

    /**
     * {@code rleFrPoly}: pycocotools' polygon rasterisation. The vertices are scaled by 5 and rounded
     * ((int)(5v + .5), truncating toward zero), the closed boundary is walked densely with a DDA between
     * consecutive vertices, and wherever the walk changes x (upsampled) at a pixel-centre column
     * (xd = (x' + .5) / 5 - .5 a whole number in [0, w-1]) it emits a y-boundary at
     * ceil(clamp((y' + .5) / 5 - .5, 0, h)) in that column. Sorting the boundary indices x * h + y and
     * differencing gives the counts (coincident crossings cancel), so each column is filled between
     * alternate crossings: an even-odd fill in which, in effect, a pixel (x, y) is inside when its centre
     * (x + .5, y + .5) lies inside the polygon whose vertices are snapped to the 1/5-pixel grid.
     */
    static long[] frPoly(double[] xy, int h, int w) {
        int k = xy.length / 2;
        final double scale = 5;
        int[] x = new int[k + 1];
        int[] y = new int[k + 1];
        for (int j = 0; j < k; j++) {
            x[j] = (int) (scale * xy[j * 2] + .5);
        }
        x[k] = x[0];
        for (int j = 0; j < k; j++) {
            y[j] = (int) (scale * xy[j * 2 + 1] + .5);
        }
        y[k] = y[0];
        long total = 0;
        for (int j = 0; j < k; j++) {
            total += Math.max(Math.abs((long) x[j] - x[j + 1]), Math.abs((long) y[j] - y[j + 1])) + 1;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("polygon is too long (" + total + " boundary points)");
        }
        int[] u = new int[(int) total];
        int[] v = new int[(int) total];
        int m = 0;
        for (int j = 0; j < k; j++) {
            int xs = x[j];
            int xe = x[j + 1];
            int ys = y[j];
            int ye = y[j + 1];
            int dx = Math.abs(xe - xs);
            int dy = Math.abs(ys - ye);
            boolean flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
            if (flip) {
                int t = xs;
                xs = xe;
                xe = t;
                t = ys;
                ys = ye;
                ye = t;
            }
            double s = dx >= dy ? (double) (ye - ys) / dx : (double) (xe - xs) / dy;
            if (dx >= dy) {
                for (int d = 0; d <= dx; d++) {
                    int t = flip ? dx - d : d;
                    u[m] = t + xs;
                    v[m] = (int) (ys + s * t + .5);
                    m++;
                }
            } else {
                for (int d = 0; d <= dy; d++) {
                    int t = flip ? dy - d : d;
                    v[m] = t + ys;
                    u[m] = (int) (xs + s * t + .5);
                    m++;
                }
            }
        }
        // points along the y-boundary, downsampled
        int n = m;
        long[] a = new long[n + 1];
        int count = 0;
        for (int j = 1; j < n; j++) {
            if (u[j] != u[j - 1]) {
                double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
                xd = (xd + .5) / scale - .5;
                if (Math.floor(xd) != xd || xd < 0 || xd > w - 1) {
                    continue;
                }
                double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
                yd = (yd + .5) / scale - .5;
                if (yd < 0) {
                    yd = 0;
                } else if (yd > h) {
                    yd = h;
                }
                yd = Math.ceil(yd);
                a[count++] = (long) (int) xd * h + (int) yd;
            }
        }
        // counts from the y-boundary points
        a[count++] = (long) h * w;
        Arrays.sort(a, 0, count);
        long prev = 0;
        for (int j = 0; j < count; j++) {
            long t = a[j];
            a[j] -= prev;
            prev = t;
        }
        long[] b = new long[count];
        int j = 0;
        int out = 0;
        b[out++] = a[j++];
        while (j < count) {
            if (a[j] > 0) {
                b[out++] = a[j++];
            } else {
                j++;
                if (j < count) {
                    b[out - 1] += a[j++];
                }
            }
        }
        return Arrays.copyOf(b, out);
    }
}
