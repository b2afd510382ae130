package cyborg.web.annotate;

import java.util.List;

/** What one annotator was handed: one image, or a pair in the order shown; work, practice or gold. */
public record Task(long id, long annotator, Mode mode, List<Long> images, boolean done, TaskKind kind) {
    /** A work task. */
    public Task(long id, long annotator, Mode mode, List<Long> images, boolean done) {
        this(id, annotator, mode, images, done, TaskKind.WORK);
    }
}
