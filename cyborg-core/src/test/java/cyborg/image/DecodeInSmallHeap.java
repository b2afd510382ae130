package cyborg.image;

import java.nio.file.Path;

/** Child-JVM entry of {@link PixelLimitTest}: decodes one file in a small heap and reports how it failed. */
final class DecodeInSmallHeap {
    static final int TOO_LARGE = 3;

    private DecodeInSmallHeap() {
    }

    public static void main(String[] args) {
        try {
            ImageFiles.readRgb(Path.of(args[0]));
            System.out.println("decoded");
            System.exit(0);
        } catch (ImageDecodeException e) {
            System.out.println(e.getMessage());
            System.exit(e.reason() == ImageDecodeException.Reason.TOO_LARGE ? TOO_LARGE : 1);
        }
    }
}
