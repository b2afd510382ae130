package cyborg.web.annotate;

import java.util.List;

/** A task an annotator skipped ("cannot decide"): recorded, and its images go to someone else. */
public record Skip(long task, String annotator, List<Long> images, Long msShown, String reason, String created) {
}
