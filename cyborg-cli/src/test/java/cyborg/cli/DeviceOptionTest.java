package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class DeviceOptionTest {
    @TempDir
    Path dir;

    @Test
    void scoringOnAGpuWhereNoneIsVisibleStopsAndSaysHowToBuildForOne() {
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "a GPU is visible here");
        Cli r = Cli.run("score", "--model", Toy.model().toString(), "--csv", Toy.csv(), "--images", Toy.images(),
                "--device", "gpu", "--out", dir.resolve("s.csv").toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.startsWith("error: --device gpu: PyTorch sees no GPU here") && r.err.contains("mvn -Pcuda"),
                r.toString());
    }

    @Test
    void theDemoOnAGpuWhereNoneIsVisibleStopsBeforeTraining() {
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "a GPU is visible here");
        Cli r = Cli.run("demo", "--quick", "--device", "gpu", "--out", dir.resolve("demo").toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains("--device gpu: PyTorch sees no GPU here"), r.toString());
    }

    @Test
    void trainingOnTheCpuIsTheDefaultAndCanBeNamed() {
        Cli r = Cli.run("train", "--csv", Toy.csv(), "--images", Toy.images(), "--loss", "ce", "--arch",
                "smallresnet", "--size", "32", "--epochs", "1", "--batch", "8", "--device", "cpu", "--out",
                dir.resolve("run").toString());
        assertEquals(0, r.status, r.toString());
    }
}
