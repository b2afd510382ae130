package cyborg.web.annotate;

/** A saved annotation as export reads it back (the mask still PNG bytes, decoded on demand). */
public record StoredAnnotation(long id, Long task, String annotator, String mode, ImageRecord image,
        ImageRecord otherImage, String decision, Boolean correct, Long msDecide, Long msPaint, String strokes,
        byte[] maskPng, String text, String source, String created) {
}
