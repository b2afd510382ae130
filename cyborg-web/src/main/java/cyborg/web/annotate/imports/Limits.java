package cyborg.web.annotate.imports;

/** Bounds on what an import may allocate. */
final class Limits {
    /** Largest image accepted, in pixels (16384 x 16384). */
    static final long MAX_PIXELS = 1L << 28;

    private Limits() {
    }
}
