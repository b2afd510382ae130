package cyborg.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class TrainProcessTest {
    @TempDir
    Path dir;

    @Test
    void theChildIsToldItsCoresAndRunsTheCliThroughTheParentWatch() {
        List<String> cmd = TrainProcess.command("tool.Main", List.of("train", "--out", "x"), 3, "1g", dir);
        assertTrue(cmd.contains("-Dai.djl.pytorch.num_threads=3"), cmd.toString());
        assertTrue(cmd.contains("-XX:ActiveProcessorCount=3"), cmd.toString());
        assertTrue(cmd.contains("-Xmx1g"), cmd.toString());
        int main = cmd.indexOf(ParentWatch.class.getName());
        assertEquals(List.of("tool.Main", "train", "--out", "x"), cmd.subList(main + 1, cmd.size()));
        String cp = cmd.get(cmd.indexOf("-cp") + 1);
        // this module's classes come first: under spark-submit, the application jar
        assertTrue(cp.split(File.pathSeparator)[0].endsWith("classes"), cp);
    }

    @Test
    void aChildJvmsCrashReportGoesIntoTheRunFolderNotTheWorkingFolder() {
        Path run = dir.resolve("runs/r1");
        List<String> cmd = TrainProcess.command("tool.Main", List.of("train"), 1, "1g", run);
        assertTrue(cmd.contains("-XX:ErrorFile=" + run.toAbsolutePath().resolve("hs_err_pid%p.log")), cmd.toString());
        assertTrue(cmd.indexOf("-XX:ErrorFile=" + run.toAbsolutePath().resolve("hs_err_pid%p.log"))
                < cmd.indexOf(ParentWatch.class.getName()), "a JVM option, before the main class: " + cmd);
    }

    @Test
    void aFailedChildIsAnErrorWithTheEndOfItsLog() throws Exception {
        // a main class the child's class path does not have
        Path log = dir.resolve("run/train.log");
        IOException e = assertThrows(IOException.class,
                () -> TrainProcess.run("no.such.Main", List.of("train", "--epochs", "1"), 1, "256m", log));
        assertTrue(e.getMessage().startsWith("cyborg train exited with status 1; the end of " + log), e.getMessage());
        assertTrue(e.getMessage().contains("ClassNotFoundException: no.such.Main"), e.getMessage());
        assertTrue(Files.readString(log).startsWith("$ cyborg train --epochs 1\n"), Files.readString(log));
    }
}
