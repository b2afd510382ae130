package cyborg.web.annotate;

import cyborg.data.Label;

/**
 * An image the database knows.
 *
 * @param path relative to the data root the server was started with ('/'-separated): the image's
 *     identity, the same however the root is spelled or wherever it was moved
 * @param name its file name, which exported maps and imports are matched by
 */
public record ImageRecord(long id, String path, String name, Label label, int width, int height) {
}
