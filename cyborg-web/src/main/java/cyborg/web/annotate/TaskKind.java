package cyborg.web.annotate;

import java.util.Locale;

/**
 * What a task is for. Work is what the study collects; a practice pair teaches (answered with
 * feedback, never saved as an annotation); a gold pair measures the annotator on images whose answer
 * or map a lead trusts. Annotators are never told which of their tasks are gold.
 */
public enum TaskKind {
    WORK,
    PRACTICE,
    GOLD;

    /** The name in the database and the API. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskKind parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
