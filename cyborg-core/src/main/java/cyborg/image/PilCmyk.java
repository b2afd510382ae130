package cyborg.image;

/**
 * PIL's CMYK to RGB ({@code cmyk2rgb} in Convert.c, Pillow 9.4): each channel is
 * {@code (255-K) - C*(255-K)/255} with PIL's rounded division by 255, and no colour management.
 * Java's own CMYK conversion goes through an ICC profile and gives other colours.
 */
final class PilCmyk {
    private PilCmyk() {
    }

    /** One RGB channel from its ink ({@code C}, {@code M} or {@code Y}) and black, all 0..255. */
    static int channel(int ink, int black) {
        int nk = 255 - black;
        int tmp = ink * nk + 128;
        return nk - (((tmp >> 8) + tmp) >> 8);
    }
}
