package cyborg.image;

/**
 * What a JPEG's markers say about its samples: the component count and IDs of the frame, and
 * whether JFIF and Adobe (APP14, with its colour transform) markers are present. From these,
 * {@link #space()} infers the colour space of the stored samples with libjpeg's rules
 * ({@code default_decompress_parms} in jdapimin.c), the ones PIL decodes with.
 *
 * @param components samples per pixel in the frame (0 if no frame header was found)
 * @param ids the frame's component IDs
 * @param jfif an APP0 JFIF marker precedes the frame
 * @param adobeTransform the APP14 Adobe marker's transform byte, or -1 without that marker
 */
record JpegLayout(int components, int[] ids, boolean jfif, int adobeTransform) {
    /** The colour space of the raw (not colour-converted) samples. */
    enum Space { GRAY, YCC, RGB, CMYK, YCCK, UNKNOWN }

    Space space() {
        switch (components) {
            case 1:
                return Space.GRAY;
            case 3:
                if (jfif) {
                    return Space.YCC;
                }
                if (adobeTransform >= 0) {
                    return adobeTransform == 0 ? Space.RGB : Space.YCC;
                }
                return ids[0] == 'R' && ids[1] == 'G' && ids[2] == 'B' ? Space.RGB : Space.YCC;
            case 4:
                if (adobeTransform >= 0) {
                    return adobeTransform == 0 ? Space.CMYK : Space.YCCK;
                }
                return Space.CMYK;
            default:
                return Space.UNKNOWN;
        }
    }

    /** Reads the markers before the first scan; null if {@code data} is not a JPEG. */
    static JpegLayout of(byte[] data) {
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            return null;
        }
        boolean jfif = false;
        int adobe = -1;
        int pos = 2;
        while (pos + 4 <= data.length) {
            if ((data[pos] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = data[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            int length = (data[pos + 2] & 0xFF) << 8 | (data[pos + 3] & 0xFF);
            int payload = pos + 4;
            if (length < 2 || payload + length - 2 > data.length) {
                return null;
            }
            if (marker == 0xE0 && startsWith(data, payload, "JFIF\0")) {
                jfif = true;
            } else if (marker == 0xEE && length >= 14 && startsWith(data, payload, "Adobe")) {
                adobe = data[payload + 11] & 0xFF;
            } else if (isFrame(marker) && length >= 8) {
                int n = data[payload + 5] & 0xFF;
                int[] ids = new int[n];
                for (int i = 0; i < n && payload + 6 + 3 * i < data.length; i++) {
                    ids[i] = data[payload + 6 + 3 * i] & 0xFF;
                }
                return new JpegLayout(n, ids, jfif, adobe);
            } else if (marker == 0xDA) {
                break; // a scan before any frame header
            }
            pos = payload + length - 2;
        }
        return new JpegLayout(0, new int[0], jfif, adobe);
    }

    /** SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean startsWith(byte[] data, int pos, String ascii) {
        if (pos + ascii.length() > data.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (data[pos + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
