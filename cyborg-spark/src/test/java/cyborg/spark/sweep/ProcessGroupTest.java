package cyborg.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child in its own process group, stopped with everything it started, SIGKILL when SIGTERM is ignored. */
class ProcessGroupTest {
    /** The process group of a live process (Linux /proc), or -1 when it is gone. */
    static long groupOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // pid (comm) state ppid pgrp ...: comm may hold spaces, so count after its ')'
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(after[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Live processes of process group {@code pgid} (zombies excluded: they are dead, waiting to be reaped). */
    static List<Long> members(long pgid) {
        return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(p -> groupOf(p) == pgid)
                .filter(p -> !state(p).equals("Z")).toList();
    }

    private static String state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "Z";
        }
    }

    @Test
    void aChildThatIgnoresSigtermIsKilledWithItsWholeGroupAfterTheGrace() throws Exception {
        // ignores SIGTERM, as a JVM deadlocked in its crash handler does, and starts two more that ignore it too
        ProcessGroup g = ProcessGroup.start(new ProcessBuilder("sh", "-c",
                "trap '' TERM; sleep 300 & sleep 300 & echo started; wait").redirectErrorStream(true));
        long pid = g.process().pid();
        assertTrue(g.ownGroup(), "setsid is on this machine's PATH");
        assertEquals("started", new String(g.process().getInputStream().readNBytes(7)));
        assertEquals(pid, groupOf(pid), "the child leads a process group of its own");
        assertEquals(3, members(pid).size(), members(pid).toString());
        long start = System.nanoTime();
        g.stop();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= ProcessGroup.STOP_GRACE_SECONDS - 0.5 && seconds < ProcessGroup.STOP_GRACE_SECONDS + 5,
                "stopped after " + seconds + " s");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!members(pid).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), members(pid), "a process of the group was left");
    }

    @Test
    void aChildThatHonoursSigtermIsNotKeptWaitingForTheGrace() throws Exception {
        ProcessGroup g = ProcessGroup.start(new ProcessBuilder("sleep", "300"));
        long start = System.nanoTime();
        g.stop();
        assertTrue((System.nanoTime() - start) / 1e9 < 5, "SIGTERM ends it at once");
        assertTrue(g.process().waitFor(5, TimeUnit.SECONDS));
        assertEquals(143, g.process().exitValue(), "ended by SIGTERM");
    }
}
