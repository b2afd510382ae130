package cyborg.cli;

/**
 * A command that serves until stopped and drains its own work on Ctrl-C or SIGTERM (its requests
 * still need batches while it drains), so the batch-boundary stop of {@link cyborg.util.GracefulStop}
 * must not be installed for it.
 */
interface DrainsOnStop {}
