package cyborg.score;

/**
 * The score of one image.
 *
 * @param key the image path as the reference writes it (image root + relpath)
 * @param score sigmoid of the Synthetic logit, in (0, 1)
 */
public record Score(String key, double score) {}
