package cyborg.cli;

import cyborg.io.IoFaults;
import cyborg.util.GracefulStop;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Prints failures as one clear line ({@code error: ...}) instead of a stack trace; set
 * {@code CYBORG_DEBUG=1} to see the trace. File-system faults are told by {@link IoFaults}: the
 * path, what is wrong with it and what to do.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    /** The exit status of a command stopped by Ctrl-C or SIGTERM (the shell's 128 + SIGINT). */
    static final int STOPPED = 130;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        Throwable t = e;
        if (t instanceof cyborg.data.BadInputRuntimeException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof GracefulStop.StopRequestedException) {
            cmd.getErr().println(t.getMessage());
            return STOPPED;
        }
        String message;
        if (t instanceof IOException || t instanceof UncheckedIOException) {
            message = IoFaults.describe(t);
        } else if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
            message = t.getMessage();
        } else {
            message = t.toString();
        }
        cmd.getErr().println("error: " + message);
        if (System.getenv("CYBORG_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
        }
        return 1;
    }
}
