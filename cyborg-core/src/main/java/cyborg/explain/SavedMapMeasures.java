package cyborg.explain;

import cyborg.data.BadInputException;
import cyborg.data.BadInputReason;
import cyborg.data.Origin;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entropy and SSIM of map files, with every way a file or pair can be unusable turned into a
 * {@link BadInputException} naming where it was declared, so that a caller can stop or count it.
 */
public final class SavedMapMeasures {
    private SavedMapMeasures() {}

    /** {@link ShannonEntropy} of one map, in bits and normalised to [0, 1]. */
    public record Entropy(double bits, double normalized) {}

    /** The entropy of the map in {@code file}. */
    public static Entropy entropy(Path file) throws BadInputException {
        int[] values = read(file, new Origin(file, 0)).values();
        double bits = ShannonEntropy.bits(values);
        return new Entropy(bits, ShannonEntropy.normalized(bits, values.length));
    }

    /** The SSIM of the pair's maps, which must have the same size, at least 7x7. */
    public static double ssim(MapPair pair) throws BadInputException {
        if (pair.bad() != null) {
            throw pair.bad();
        }
        GrayMap a = read(pair.a(), pair.origin());
        GrayMap b = read(pair.b(), pair.origin());
        if (a.width() != b.width() || a.height() != b.height() || a.width() < Ssim.WINDOW || a.height() < Ssim.WINDOW) {
            throw new BadInputException(pair.origin(), BadInputReason.MAP_SIZE, pair.a() + " is " + a.width() + "x"
                    + a.height() + " and " + pair.b() + " is " + b.width() + "x" + b.height()
                    + "; SSIM compares maps of the same size, at least " + Ssim.WINDOW + "x" + Ssim.WINDOW);
        }
        return Ssim.of(a, b);
    }

    private static GrayMap read(Path file, Origin origin) throws BadInputException {
        try {
            return MapFile.read(file);
        } catch (IOException e) {
            // the decoder's message starts with the file: BadInputException says it once when the origin is that file
            throw new BadInputException(origin, BadInputReason.ofImage(file, e), e.getMessage());
        }
    }
}
