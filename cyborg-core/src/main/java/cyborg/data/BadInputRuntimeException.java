package cyborg.data;

/** Carries a {@link BadInputException} out of an iterator, which cannot throw checked exceptions. */
public final class BadInputRuntimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputRuntimeException(BadInputException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized BadInputException getCause() {
        return (BadInputException) super.getCause();
    }
}
