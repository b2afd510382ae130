package cyborg.spark.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child process started in its own process group and session ({@code setsid}), so that it and
 * everything it starts can be signalled at once, and stopped as a group: SIGTERM, then SIGKILL
 * after {@value #STOP_GRACE_SECONDS} s if it has not ended. Every live group is also stopped when
 * this JVM shuts down (SIGTERM, Ctrl-C, the end of main): a training JVM that received SIGTERM
 * while it was loading libtorch was seen to crash in its exit, deadlock in the crash handler and
 * outlive its sweep, re-parented to PID 1 and deaf to SIGTERM; only SIGKILL ended it.
 *
 * <p>Without {@code setsid} on the PATH (not Linux), the child starts in this JVM's group and is
 * stopped with the descendants Java sees ({@link ProcessHandle#descendants}): a descendant already
 * re-parented away is then missed, which the group signal does not miss.
 */
final class ProcessGroup {
    /** Seconds a child has to end after SIGTERM before it is killed with SIGKILL. */
    static final long STOP_GRACE_SECONDS = 10;
    private static final String SETSID = onPath("setsid");
    private static final Set<ProcessGroup> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(List.copyOf(LIVE)), "stop-child-groups"));
    }

    private final Process process;
    private final boolean ownGroup;

    private ProcessGroup(Process process, boolean ownGroup) {
        this.process = process;
        this.ownGroup = ownGroup;
    }

    /**
     * Starts {@code pb}'s command in a new session. {@code setsid} replaces itself with the command
     * (it forks only when it is a group leader, and a child of the JVM never is), so the child's
     * pid is its group's id.
     */
    static ProcessGroup start(ProcessBuilder pb) throws IOException {
        boolean own = SETSID != null;
        if (own) {
            List<String> cmd = new ArrayList<>(pb.command());
            cmd.add(0, SETSID);
            pb = pb.command(cmd);
        }
        ProcessGroup g = new ProcessGroup(pb.start(), own);
        LIVE.add(g);
        g.process.onExit().thenRun(() -> LIVE.remove(g));
        return g;
    }

    Process process() {
        return process;
    }

    /** Whether the child runs in a process group of its own (false without {@code setsid}). */
    boolean ownGroup() {
        return ownGroup;
    }

    /** Stops the group: SIGTERM, and SIGKILL to what is left after the grace period. */
    void stop() {
        stopAll(List.of(this));
    }

    /** Stops groups together, so the grace period is paid once however many there are. */
    static void stopAll(Collection<ProcessGroup> groups) {
        // a cancelled Spark task stops its child from an interrupted thread: wait all the same
        boolean interrupted = Thread.interrupted();
        List<ProcessHandle> fallback = new ArrayList<>();
        for (ProcessGroup g : groups) {
            if (g.ownGroup) {
                g.signal("TERM");
            } else {
                g.process.descendants().forEach(fallback::add);
                fallback.add(g.process.toHandle());
                fallback.forEach(ProcessHandle::destroy);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
        try {
            for (ProcessGroup g : groups) {
                long left = deadline - System.nanoTime();
                while (left > 0) {
                    try {
                        g.process.waitFor(left, TimeUnit.NANOSECONDS);
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                        left = deadline - System.nanoTime();
                    }
                }
            }
        } finally {
            for (ProcessGroup g : groups) {
                if (g.ownGroup) {
                    // also what the leader left behind in its group, if anything
                    g.signal("KILL");
                }
                g.process.destroyForcibly();
            }
            fallback.forEach(ProcessHandle::destroyForcibly);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends {@code signal} to the child's whole group ({@code kill -s SIG -- -PGID}). */
    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + process.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            // no kill(1): signal the leader alone, as Java can
            if (signal.equals("KILL")) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program).toString();
            }
        }
        return null;
    }
}
