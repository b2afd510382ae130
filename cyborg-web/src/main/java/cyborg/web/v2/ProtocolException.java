package cyborg.web.v2;

/** A request the protocol (or the model's signature) does not allow: the message says what is wrong and what is expected. */
public final class ProtocolException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
