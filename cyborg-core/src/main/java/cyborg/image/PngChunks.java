package cyborg.image;

import java.util.zip.CRC32;

/**
 * Structural check of a PNG byte stream: every chunk complete, its CRC right, and an IEND
 * chunk present. Needed because javax.imageio's PNG decoder can return a partly black image
 * for a truncated file instead of failing.
 */
final class PngChunks {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngChunks() {
    }

    /** Returns null if the PNG is structurally complete, else a description of the problem. */
    static String problem(byte[] data) {
        if (data.length < SIGNATURE.length) {
            return "file too short for a PNG signature";
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (data[i] != SIGNATURE[i]) {
                return "bad PNG signature";
            }
        }
        int pos = SIGNATURE.length;
        CRC32 crc = new CRC32();
        while (true) {
            if (data.length - pos < 12) {
                return "truncated PNG: file ends at byte " + data.length + " before the IEND chunk";
            }
            long len = readInt(data, pos) & 0xFFFFFFFFL;
            String type = new String(data, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (len > data.length - pos - 12L) {
                return "truncated PNG: chunk " + type + " at byte " + pos + " declares " + len
                        + " bytes but the file ends at byte " + data.length;
            }
            crc.reset();
            crc.update(data, pos + 4, (int) len + 4);
            int stored = readInt(data, pos + 8 + (int) len);
            if ((int) crc.getValue() != stored) {
                return "corrupt PNG: CRC mismatch in chunk " + type + " at byte " + pos;
            }
            if (type.equals("IEND")) {
                return null;
            }
            pos += 12 + (int) len;
        }
    }

    private static int readInt(byte[] d, int p) {
        return (d[p] & 0xFF) << 24 | (d[p + 1] & 0xFF) << 16 | (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
    }
}
