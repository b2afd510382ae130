package cyborg.web.annotate;

/** One imported annotator's mask of one image, row-major (width * height). */
public record ImportedMask(String image, String annotator, int width, int height, boolean[] mask) {}
