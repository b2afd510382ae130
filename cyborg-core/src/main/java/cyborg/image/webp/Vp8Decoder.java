package cyborg.image.webp;

import java.io.IOException;
import java.util.Arrays;

/**
 * Decodes a VP8 key frame (the image data of a lossy WebP) to its Y, U and V planes, following
 * libwebp's decoder step for step, so that the planes equal the ones libwebp (and so PIL) gets:
 * intra prediction from the unfiltered neighbours, then the in-loop filter over the whole frame in
 * macroblock order. TwelveMonkeys' VP8 decoder, which cyborg used before, copies each macroblock
 * out before its right and bottom neighbours filter across the shared edge; its planes differ.
 */
final class Vp8Decoder {
    private final byte[] data;
    private int width;
    private int height;
    private int mbW;
    private int mbH;

    // segment header
    private boolean useSegment;
    private boolean updateMap;
    private boolean absoluteDelta = true;
    private final int[] segQuant = new int[4];
    private final int[] segFilter = new int[4];
    private final int[] segProbs = {255, 255, 255};

    // filter header
    private boolean simpleFilter;
    private int filterLevel;
    private int sharpness;
    private boolean useLfDelta;
    private final int[] refLfDelta = new int[4];
    private final int[] modeLfDelta = new int[4];

    private Vp8BoolDecoder[] parts;
    private final int[][] y1Mat = new int[4][2];
    private final int[][] y2Mat = new int[4][2];
    private final int[][] uvMat = new int[4][2];
    private final int[] probs = new int[4 * 8 * 3 * 11];
    private boolean useSkipProb;
    private int skipProb;

    private Vp8Decoder(byte[] data) {
        this.data = data;
    }

    /**
     * The planes of the VP8 frame in {@code data[offset, offset+length)}, which must be
     * {@code width x height}.
     */
    static YuvPlanes decode(byte[] data, int offset, int length, int width, int height) throws IOException {
        return new Vp8Decoder(data).run(offset, length, width, height);
    }

    private static IOException bad(String what) {
        return new IOException("VP8 image data: " + what);
    }

    private YuvPlanes run(int off, int len, int expectedWidth, int expectedHeight) throws IOException {
        if (len < 10) {
            throw bad("the frame header is cut short (" + len + " bytes)");
        }
        int bits = (data[off] & 0xFF) | (data[off + 1] & 0xFF) << 8 | (data[off + 2] & 0xFF) << 16;
        boolean keyFrame = (bits & 1) == 0;
        int profile = (bits >> 1) & 7;
        boolean show = ((bits >> 4) & 1) == 1;
        int partLen = bits >>> 5;
        if (!keyFrame) {
            throw bad("not a key frame");
        }
        if (profile > 3) {
            throw bad("unknown profile " + profile);
        }
        if (!show) {
            throw bad("the frame is marked not to be shown");
        }
        if ((data[off + 3] & 0xFF) != 0x9d || (data[off + 4] & 0xFF) != 0x01 || (data[off + 5] & 0xFF) != 0x2a) {
            throw bad("the start code is missing");
        }
        width = ((data[off + 7] & 0xFF) << 8 | (data[off + 6] & 0xFF)) & 0x3fff;
        height = ((data[off + 9] & 0xFF) << 8 | (data[off + 8] & 0xFF)) & 0x3fff;
        if (width == 0 || height == 0) {
            throw bad("zero width or height");
        }
        if (width != expectedWidth || height != expectedHeight) {
            throw bad("the frame is " + width + "x" + height + " but the file header says "
                    + expectedWidth + "x" + expectedHeight);
        }
        mbW = (width + 15) >> 4;
        mbH = (height + 15) >> 4;
        int pos = off + 10;
        int left = len - 10;
        if (partLen > left) {
            throw bad("the first partition (" + partLen + " bytes) runs past the end of the data");
        }
        Vp8BoolDecoder br = new Vp8BoolDecoder(data, pos, partLen);
        pos += partLen;
        left -= partLen;
        br.flag(); // colour space: only one is defined
        br.flag(); // clamping type: the decoder always clamps
        parseSegmentHeader(br);
        parseFilterHeader(br);
        parsePartitions(br, pos, left);
        parseQuant(br);
        br.flag(); // refresh_entropy_probs: meaningless for a single key frame
        parseProbs(br);
        if (br.pastEnd()) {
            throw bad("the frame header is truncated");
        }
        return decodeFrame(br);
    }

    private void parseSegmentHeader(Vp8BoolDecoder br) {
        useSegment = br.flag();
        if (useSegment) {
            updateMap = br.flag();
            if (br.flag()) { // update segment data
                absoluteDelta = br.flag();
                for (int s = 0; s < 4; s++) {
                    segQuant[s] = br.flag() ? br.signedLiteral(7) : 0;
                }
                for (int s = 0; s < 4; s++) {
                    segFilter[s] = br.flag() ? br.signedLiteral(6) : 0;
                }
            }
            if (updateMap) {
                for (int s = 0; s < 3; s++) {
                    segProbs[s] = br.flag() ? br.literal(8) : 255;
                }
            }
        }
    }

    private void parseFilterHeader(Vp8BoolDecoder br) {
        simpleFilter = br.flag();
        filterLevel = br.literal(6);
        sharpness = br.literal(3);
        useLfDelta = br.flag();
        if (useLfDelta && br.flag()) {
            for (int i = 0; i < 4; i++) {
                if (br.flag()) {
                    refLfDelta[i] = br.signedLiteral(6);
                }
            }
            for (int i = 0; i < 4; i++) {
                if (br.flag()) {
                    modeLfDelta[i] = br.signedLiteral(6);
                }
            }
        }
    }

    private void parsePartitions(Vp8BoolDecoder br, int start, int size) throws IOException {
        int last = (1 << br.literal(2)) - 1;
        if (size < 3 * last) {
            throw bad("the token partition sizes are cut short");
        }
        parts = new Vp8BoolDecoder[last + 1];
        int sz = start;
        int partStart = start + 3 * last;
        int sizeLeft = size - 3 * last;
        for (int p = 0; p < last; p++) {
            int psize = (data[sz] & 0xFF) | (data[sz + 1] & 0xFF) << 8 | (data[sz + 2] & 0xFF) << 16;
            psize = Math.min(psize, sizeLeft);
            parts[p] = new Vp8BoolDecoder(data, partStart, psize);
            partStart += psize;
            sizeLeft -= psize;
            sz += 3;
        }
        if (sizeLeft <= 0) {
            throw bad("the token partitions are truncated");
        }
        parts[last] = new Vp8BoolDecoder(data, partStart, sizeLeft);
    }

    private static int clip(int v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }

    private void parseQuant(Vp8BoolDecoder br) {
        int base = br.literal(7);
        int dqy1Dc = br.flag() ? br.signedLiteral(4) : 0;
        int dqy2Dc = br.flag() ? br.signedLiteral(4) : 0;
        int dqy2Ac = br.flag() ? br.signedLiteral(4) : 0;
        int dquvDc = br.flag() ? br.signedLiteral(4) : 0;
        int dquvAc = br.flag() ? br.signedLiteral(4) : 0;
        for (int s = 0; s < 4; s++) {
            int q = useSegment ? segQuant[s] + (absoluteDelta ? 0 : base) : base;
            y1Mat[s][0] = Vp8Tables.DC_Q[clip(q + dqy1Dc, 127)];
            y1Mat[s][1] = Vp8Tables.AC_Q[clip(q, 127)];
            y2Mat[s][0] = Vp8Tables.DC_Q[clip(q + dqy2Dc, 127)] * 2;
            // x 155/100 in the RFC; 101581 / 65536 is how libwebp rounds it
            y2Mat[s][1] = Math.max(8, (Vp8Tables.AC_Q[clip(q + dqy2Ac, 127)] * 101581) >> 16);
            uvMat[s][0] = Vp8Tables.DC_Q[clip(q + dquvDc, 117)];
            uvMat[s][1] = Vp8Tables.AC_Q[clip(q + dquvAc, 127)];
        }
    }

    private void parseProbs(Vp8BoolDecoder br) {
        for (int i = 0; i < probs.length; i++) {
            probs[i] = br.bit(Vp8Tables.COEFF_UPDATE_PROBS[i]) == 1 ? br.literal(8) : Vp8Tables.COEFF_PROBS[i];
        }
        useSkipProb = br.flag();
        if (useSkipProb) {
            skipProb = br.literal(8);
        }
    }

    private YuvPlanes decodeFrame(Vp8BoolDecoder br) throws IOException {
        int yStride = mbW * 16;
        int uvStride = mbW * 8;
        byte[] yPlane = new byte[yStride * mbH * 16];
        byte[] uPlane = new byte[uvStride * mbH * 8];
        byte[] vPlane = new byte[uvStride * mbH * 8];
        int[] intraTop = new int[mbW * 4];
        int[] intraLeft = new int[4];
        int[] topNz = new int[mbW * 9]; // per column: 4 luma, 2 U, 2 V, 1 Y2 (DC)
        int[] leftNz = new int[9];
        int[][] topY = new int[mbW][16];
        int[][] topU = new int[mbW][8];
        int[][] topV = new int[mbW][8];
        int[] filterInfo = new int[mbW * mbH * 4]; // limit, ilevel, hev threshold, inner
        int[][][] strengths = filterStrengths();
        int[] w = Vp8Reconstruct.workBuffer();
        Vp8Residuals residuals = new Vp8Residuals(probs, y1Mat, y2Mat, uvMat);
        Vp8Macroblock[] row = new Vp8Macroblock[mbW];
        for (int x = 0; x < mbW; x++) {
            row[x] = new Vp8Macroblock();
        }
        for (int mbY = 0; mbY < mbH; mbY++) {
            Vp8BoolDecoder tokens = parts[mbY & (parts.length - 1)];
            Arrays.fill(intraLeft, Vp8Predict.B_DC);
            for (int mbX = 0; mbX < mbW; mbX++) {
                parseIntraMode(br, row[mbX], intraTop, mbX, intraLeft);
            }
            if (br.pastEnd()) {
                throw bad("the mode partition is truncated (macroblock row " + mbY + ")");
            }
            Arrays.fill(leftNz, 0);
            for (int mbX = 0; mbX < mbW; mbX++) {
                Vp8Macroblock mb = row[mbX];
                boolean skip = useSkipProb && mb.skip;
                if (!skip) {
                    residuals.parse(tokens, mb, topNz, mbX * 9, leftNz);
                    skip = !mb.nonZero;
                } else {
                    Arrays.fill(mb.coeffs, 0);
                    for (int i = 0; i < 8; i++) {
                        topNz[mbX * 9 + i] = 0;
                        leftNz[i] = 0;
                    }
                    if (!mb.i4x4) {
                        topNz[mbX * 9 + 8] = 0;
                        leftNz[8] = 0;
                    }
                }
                if (tokens.pastEnd()) {
                    throw bad("the token data is truncated (macroblock " + mbX + "," + mbY + ")");
                }
                int[] s = strengths[mb.segment][mb.i4x4 ? 1 : 0];
                int fi = (mbY * mbW + mbX) * 4;
                filterInfo[fi] = s[0];
                filterInfo[fi + 1] = s[1];
                filterInfo[fi + 2] = s[2];
                filterInfo[fi + 3] = mb.i4x4 || !skip ? 1 : 0;
            }
            Vp8Reconstruct.row(mbY, mbW, mbH, row, w, topY, topU, topV, yPlane, uPlane, vPlane, yStride, uvStride);
        }
        if (filterLevel != 0) {
            Vp8LoopFilter.filter(simpleFilter, filterInfo, mbW, mbH, yPlane, yStride, uPlane, vPlane, uvStride);
        }
        return new YuvPlanes(width, height, yPlane, yStride, uPlane, vPlane, uvStride);
    }

    /** [segment][i4x4] -> {limit, interior limit, hev threshold}; limit 0 means no filtering. */
    private int[][][] filterStrengths() {
        int[][][] out = new int[4][2][3];
        for (int s = 0; s < 4; s++) {
            int base = useSegment ? segFilter[s] + (absoluteDelta ? 0 : filterLevel) : filterLevel;
            for (int i4 = 0; i4 <= 1; i4++) {
                int level = base;
                if (useLfDelta) {
                    level += refLfDelta[0];
                    if (i4 == 1) {
                        level += modeLfDelta[0];
                    }
                }
                level = clip(level, 63);
                if (level > 0) {
                    int ilevel = level;
                    if (sharpness > 0) {
                        ilevel >>= sharpness > 4 ? 2 : 1;
                        ilevel = Math.min(ilevel, 9 - sharpness);
                    }
                    ilevel = Math.max(ilevel, 1);
                    out[s][i4][0] = 2 * level + ilevel;
                    out[s][i4][1] = ilevel;
                    out[s][i4][2] = level >= 40 ? 2 : level >= 15 ? 1 : 0;
                }
            }
        }
        return out;
    }

    private void parseIntraMode(Vp8BoolDecoder br, Vp8Macroblock mb, int[] intraTop, int mbX, int[] intraLeft) {
        if (updateMap) {
            mb.segment = br.bit(segProbs[0]) == 0 ? br.bit(segProbs[1]) : br.bit(segProbs[2]) + 2;
        } else {
            mb.segment = 0;
        }
        if (useSkipProb) {
            mb.skip = br.bit(skipProb) == 1;
        }
        mb.i4x4 = br.bit(145) == 0;
        int t = mbX * 4;
        if (!mb.i4x4) {
            int ymode = br.bit(156) == 1
                    ? (br.bit(128) == 1 ? Vp8Predict.B_TM : Vp8Predict.B_HE)
                    : (br.bit(163) == 1 ? Vp8Predict.B_VE : Vp8Predict.B_DC);
            mb.imodes[0] = ymode;
            for (int i = 0; i < 4; i++) {
                intraTop[t + i] = ymode;
                intraLeft[i] = ymode;
            }
        } else {
            for (int y = 0; y < 4; y++) {
                int ymode = intraLeft[y];
                for (int x = 0; x < 4; x++) {
                    int p = (intraTop[t + x] * 10 + ymode) * 9;
                    ymode = readSubMode(br, p);
                    intraTop[t + x] = ymode;
                    mb.imodes[y * 4 + x] = ymode;
                }
                intraLeft[y] = ymode;
            }
        }
        mb.uvMode = br.bit(142) == 0 ? Vp8Predict.B_DC
                : br.bit(114) == 0 ? Vp8Predict.B_VE
                : br.bit(183) == 1 ? Vp8Predict.B_TM : Vp8Predict.B_HE;
    }

    /** The 4x4 mode tree of RFC 6386 11.2, probabilities from BMODE_PROBS at {@code p}. */
    private static int readSubMode(Vp8BoolDecoder br, int p) {
        int[] pr = Vp8Tables.BMODE_PROBS;
        if (br.bit(pr[p]) == 0) {
            return Vp8Predict.B_DC;
        }
        if (br.bit(pr[p + 1]) == 0) {
            return Vp8Predict.B_TM;
        }
        if (br.bit(pr[p + 2]) == 0) {
            return Vp8Predict.B_VE;
        }
        if (br.bit(pr[p + 3]) == 0) {
            if (br.bit(pr[p + 4]) == 0) {
                return Vp8Predict.B_HE;
            }
            return br.bit(pr[p + 5]) == 0 ? Vp8Predict.B_RD : Vp8Predict.B_VR;
        }
        if (br.bit(pr[p + 6]) == 0) {
            return Vp8Predict.B_LD;
        }
        if (br.bit(pr[p + 7]) == 0) {
            return Vp8Predict.B_VL;
        }
        return br.bit(pr[p + 8]) == 0 ? Vp8Predict.B_HD : Vp8Predict.B_HU;
    }

}
