package cyborg.web.annotate;

import java.util.List;

/** What one annotator was handed: one image, or a pair in the order shown. */
public record Task(long id, long annotator, Mode mode, List<Long> images, boolean done) {
}
