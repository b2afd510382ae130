package cyborg.util;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets Ctrl-C and SIGTERM stop a command between two batches instead of in the middle of one.
 *
 * <p>Why: the JVM runs its shutdown hooks and then exits while other threads keep running. A
 * thread inside PyTorch's backward pass then met the natives' static objects being destroyed and
 * the JVM died with SIGSEGV (an hs_err_pid log, a half-written step). With {@link #install} the
 * hook instead asks the work to stop: loops call {@link #checkpoint()} between batches, which
 * throws {@link StopRequestedException}; the command unwinds (closing its native memory), calls
 * {@link #finished()}, and only then does the hook return and the JVM exit. A training run keeps
 * the checkpoint of its last finished epoch, from which {@code --resume} continues.
 *
 * <p>Without {@link #install}, nothing changes: a long-lived service (cyborg serve) drains its
 * requests with its own hook and must not refuse their batches.
 */
public final class GracefulStop {
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final CountDownLatch FINISHED = new CountDownLatch(1);
    private static volatile boolean requested;

    private GracefulStop() {}

    /**
     * Installs the shutdown hook (once per JVM). It waits at most {@code patience} for the work to
     * reach a batch boundary and unwind, telling {@code console} what it does.
     */
    public static void install(Duration patience, PrintStream console) {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (FINISHED.getCount() == 0) {
                return; // an ordinary exit: the command is done
            }
            requested = true;
            console.println("stopping at the next batch boundary (at most " + patience.toSeconds() + " s)...");
            try {
                if (!FINISHED.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                    console.println("did not stop within " + patience.toSeconds() + " s; exiting anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cyborg-graceful-stop"));
    }

    /** Throws {@link StopRequestedException} once a stop was requested; call it between batches. */
    public static void checkpoint() {
        if (requested) {
            throw new StopRequestedException();
        }
    }

    /** The command has returned: the hook may let the JVM exit. */
    public static void finished() {
        FINISHED.countDown();
    }

    /** Thrown at a batch boundary after Ctrl-C or SIGTERM. */
    public static final class StopRequestedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopRequestedException() {
            super("stopped by a signal (Ctrl-C or SIGTERM) between two batches; a training run continues"
                    + " from its last finished epoch with --resume");
        }
    }
}
