package cyborg.web.annotate;

/**
 * A saved annotation as export reads it back (the mask still PNG bytes, decoded on demand).
 *
 * @param kind {@code work} or {@code gold} (the kind of its task), or {@code import} (no task)
 */
public record StoredAnnotation(long id, Long task, String annotator, String mode, ImageRecord image,
        ImageRecord otherImage, String decision, Boolean correct, Long msDecide, Long msPaint, String strokes,
        byte[] maskPng, String text, String source, String created, String kind) {
    public static final String IMPORT = "import";

    /** An annotation of a work task, or an imported one when {@code task} is null. */
    public StoredAnnotation(long id, Long task, String annotator, String mode, ImageRecord image,
            ImageRecord otherImage, String decision, Boolean correct, Long msDecide, Long msPaint, String strokes,
            byte[] maskPng, String text, String source, String created) {
        this(id, task, annotator, mode, image, otherImage, decision, correct, msDecide, msPaint, strokes, maskPng,
                text, source, created, task == null ? IMPORT : TaskKind.WORK.key());
    }

    /** Whether it answered a gold pair (an image whose answer or map a lead trusts). */
    public boolean gold() {
        return TaskKind.GOLD.key().equals(kind);
    }

    /**
     * A decision that counts towards an annotator's accuracy: right or wrong (not unsure, not
     * imported), on work. Gold decisions count apart ({@link #goldDecision}): they measure the
     * annotator on known answers, and mixing them in would make the accuracy depend on --gold.
     */
    public boolean workDecision() {
        return correct != null && !gold();
    }

    /** A right-or-wrong decision on a gold pair: what gold accuracy is made of. */
    public boolean goldDecision() {
        return correct != null && gold();
    }
}
