package cyborg.cli;

import cyborg.web.ServeConfig;
import picocli.CommandLine.Option;

/** How the scoring server batches images across clients: shared by {@code serve} and {@code serve-bench}. */
final class BatchingOptions {
    @Option(names = "--batch-window-ms", defaultValue = "" + ServeConfig.DEFAULT_BATCH_WINDOW_MILLIS,
            description = "How long a model waits after an image arrives for more to batch with it (default:"
                    + " ${DEFAULT-VALUE} ms; 0: batch only what is already waiting).")
    int batchWindowMs;

    @Option(names = "--max-batch", defaultValue = "" + ServeConfig.DEFAULT_MAX_BATCH,
            description = "Images per forward pass at most (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    /** Sets both on {@code builder}. */
    ServeConfig.Builder applyTo(ServeConfig.Builder builder) {
        return builder.batchWindowMillis(batchWindowMs).maxBatch(maxBatch);
    }
}
