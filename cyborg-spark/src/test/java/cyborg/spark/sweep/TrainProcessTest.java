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
        List<String> cmd = TrainProcess.command(List.of("train", "--out", "x"), 3, "1g");
        assertTrue(cmd.contains("-Dai.djl.pytorch.num_threads=3"), cmd.toString());
        assertTrue(cmd.contains("-XX:ActiveProcessorCount=3"), cmd.toString());
        assertTrue(cmd.contains("-Xmx1g"), cmd.toString());
        int main = cmd.indexOf(ParentWatch.class.getName());
        assertEquals(List.of(TrainProcess.CLI_MAIN, "train", "--out", "x"), cmd.subList(main + 1, cmd.size()));
        String cp = cmd.get(cmd.indexOf("-cp") + 1);
        // this module's classes come first: under spark-submit, the application jar
        assertTrue(cp.split(File.pathSeparator)[0].endsWith("classes"), cp);
    }

    @Test
    void aFailedChildIsAnErrorWithTheEndOfItsLog() throws Exception {
        // cyborg-spark's test class path has no command-line tool: the child fails to find its main class
        Path log = dir.resolve("run/train.log");
        IOException e = assertThrows(IOException.class,
                () -> TrainProcess.run(List.of("train", "--epochs", "1"), 1, "256m", log));
        assertTrue(e.getMessage().startsWith("cyborg train exited with status 1; the end of " + log), e.getMessage());
        assertTrue(e.getMessage().contains("ClassNotFoundException: " + TrainProcess.CLI_MAIN), e.getMessage());
        assertTrue(Files.readString(log).startsWith("$ cyborg train --epochs 1\n"), Files.readString(log));
    }
}
