package cyborg.web.annotate.imports;

import cyborg.web.annotate.ImportedMask;
import java.util.List;

/**
 * What an importer read from one export file.
 *
 * @param masks   one mask per (image, annotator), in order of first appearance in the file; several
 *                annotations of one image by one annotator are OR-ed into one mask
 * @param skipped one human-readable line per annotation (or result, or task) that carried no usable
 *                mask, e.g. a bounding box only, a cancelled annotation or a model prediction, so the
 *                command can count and show what was not imported; nothing is dropped silently
 */
public record Imported(List<ImportedMask> masks, List<String> skipped) {
    public Imported {
        masks = List.copyOf(masks);
        skipped = List.copyOf(skipped);
    }
}
