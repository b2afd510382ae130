package cyborg.web.annotate.imports;

import cyborg.web.annotate.MaskImports;

import java.io.IOException;
import java.nio.file.Path;

/** The decoder of each format {@code cyborg annotate import --from} names. */
public final class MaskFormats {
    private MaskFormats() {
    }

    /** Reads {@code file} as {@code format}: its masks and the annotations skipped, with reasons. */
    public static Imported read(MaskImports.Format format, Path file) throws IOException {
        return switch (format) {
            case LABELSTUDIO -> LabelStudioMasks.read(file);
            case COCO -> CocoMasks.read(file);
        };
    }
}
