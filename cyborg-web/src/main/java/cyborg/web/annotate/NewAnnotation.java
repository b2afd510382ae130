package cyborg.web.annotate;

/**
 * An annotation to save.
 *
 * @param image the image the mask belongs to (pair mode: the one chosen as synthetic)
 * @param otherImage pair mode: the image not chosen; else null
 * @param decision pair mode: {@code synthetic}; single mode: {@code real}, {@code synthetic} or {@code unsure}
 * @param correct whether the decision matches the image's label (null: unsure, or imported)
 * @param mask null when none was drawn
 */
public record NewAnnotation(Long task, long annotator, String mode, long image, Long otherImage, String decision,
        Boolean correct, Long msDecide, Long msPaint, String strokes, Mask mask, String text, String source) {
}
