package cyborg.web;

/** A model's queue holds as many images as it may: the client should retry shortly. */
final class QueueFullException extends Exception {
    private static final long serialVersionUID = 1L;

    QueueFullException(String model, int capacity) {
        super("model '" + model + "' has " + capacity + " images waiting, its limit; retry in a second",
                null, false, false);
    }
}
