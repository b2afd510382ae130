package cyborg.image.webp;

import cyborg.image.RgbImage;
import java.io.IOException;

/**
 * Lossy WebP decoded to the pixels of libwebp's default decoder, which PIL uses: cyborg's own
 * VP8 decoder ({@link Vp8Decoder}) and libwebp's fancy chroma upsampling and YUV->RGB
 * conversion ({@link FancyUpsampler}). Lossless (VP8L) and animated files are not handled here
 * ({@link #vp8Chunk} returns null) and stay with the ImageIO plugin.
 *
 * <p>Alpha (an ALPH chunk) is not decoded: cyborg reads images as PIL's {@code convert("RGB")},
 * which drops alpha without compositing, and libwebp leaves the colour samples under it as they
 * are (no premultiplication in the RGBA mode PIL asks for).
 */
public final class LossyWebp {
    private static final int VP8X_ANIMATION = 0x02;

    private LossyWebp() {
    }

    /** Where a still lossy WebP's VP8 data is: {@code [offset, offset + length)} of the file. */
    public record Chunk(int offset, int length) {
    }

    /**
     * The VP8 chunk of a still lossy WebP, or null for anything else (lossless, animated, not a
     * WebP).
     *
     * @throws IOException if the file is a WebP whose chunks run past its end
     */
    public static Chunk vp8Chunk(byte[] data) throws IOException {
        if (data.length < 20 || !tag(data, 0, "RIFF") || !tag(data, 8, "WEBP")) {
            return null;
        }
        long riffSize = le32(data, 4);
        int pos = 12;
        boolean first = true;
        while (pos + 8 <= data.length) {
            long size = le32(data, pos + 4);
            if (tag(data, pos, "VP8 ")) {
                if (size > data.length - pos - 8) {
                    throw new IOException("the VP8 chunk needs " + size + " bytes, the file has "
                            + (data.length - pos - 8) + " after its header");
                }
                // libwebp refuses a file shorter than its RIFF header says, even when the
                // missing part is a metadata chunk after the image
                if (riffSize > data.length - 8) {
                    throw new IOException("the RIFF header says " + riffSize + " bytes follow it, the file has "
                            + (data.length - 8));
                }
                return new Chunk(pos + 8, (int) size);
            }
            if (tag(data, pos, "VP8L")) {
                return null;
            }
            if (first && tag(data, pos, "VP8X") && size >= 4 && (data[pos + 8] & VP8X_ANIMATION) != 0) {
                return null;
            }
            if (!first && tag(data, pos, "ANMF")) {
                return null;
            }
            first = false;
            pos += 8 + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - 16);
        }
        return null; // no image chunk: leave the diagnosis to the ImageIO plugin
    }

    /**
     * Decodes the VP8 data at {@code chunk} to RGB, refusing a frame whose size is not
     * {@code width x height} (the size the file's header announced and the pixel limit checked;
     * libwebp refuses a VP8X canvas that disagrees with its frame too) before allocating it.
     */
    public static RgbImage decode(byte[] data, Chunk chunk, int width, int height) throws IOException {
        return FancyUpsampler.toRgb(Vp8Decoder.decode(data, chunk.offset(), chunk.length(), width, height));
    }

    private static boolean tag(byte[] d, int at, String tag) {
        for (int i = 0; i < 4; i++) {
            if (d[at + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long le32(byte[] d, int at) {
        return (d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24;
    }
}
