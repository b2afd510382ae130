package cyborg.spark.sweep;

import java.io.InputStream;

/**
 * Main class of a sweep's child JVM: runs the main class named by the first argument with the
 * rest, and ends the JVM as soon as its standard input reaches its end, which happens when the
 * parent (the Spark task that started it) dies, however it dies. So a killed sweep leaves no
 * training behind that could write into a run folder the resumed sweep is training again.
 *
 * <p>It ends with SIGKILL to itself rather than {@link Runtime#halt}: a JVM leaving while libtorch
 * was still loading was seen to crash in its exit and deadlock in the crash handler, an orphan
 * nobody would kill; SIGKILL cannot be caught, so nothing runs on the way out. Halt stays as the
 * fallback where {@code kill} cannot be started.
 */
public final class ParentWatch {
    /** Exit status when the parent went away and SIGKILL could not be sent. */
    static final int ORPHANED = 143;

    private ParentWatch() {}

    public static void main(String[] args) throws Throwable {
        Thread watch = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent never writes; anything it does is ignored
                }
            } catch (java.io.IOException e) {
                // a broken pipe is the same news
            }
            try {
                new ProcessBuilder("kill", "-s", "KILL", Long.toString(ProcessHandle.current().pid()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                        .waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.io.IOException | InterruptedException e) {
                // no kill(1): halt below
            }
            Runtime.getRuntime().halt(ORPHANED);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) rest);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
