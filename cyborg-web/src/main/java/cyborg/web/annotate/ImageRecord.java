package cyborg.web.annotate;

import cyborg.data.Label;

/**
 * An image the database knows.
 *
 * @param path relative to the data root the server was started with ('/'-separated)
 * @param name its file name, which exported maps and imports are matched by
 */
public record ImageRecord(long id, String key, String path, String name, Label label, int width, int height) {
}
