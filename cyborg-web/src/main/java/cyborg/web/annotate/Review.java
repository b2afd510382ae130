package cyborg.web.annotate;

/**
 * A reviewer's verdict on one annotation; the newest review of an annotation is the one that counts.
 *
 * @param verdict {@link #ACCEPT} or {@link #REJECT}
 */
public record Review(long id, long annotation, String reviewer, String verdict, String reason, String created) {
    public static final String ACCEPT = "accept";
    public static final String REJECT = "reject";

    public boolean rejected() {
        return REJECT.equals(verdict);
    }
}
