package cyborg.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * On a CPU NNPACK cannot use, libtorch printed "Could not initialize NNPACK! Reason: Unsupported
 * hardware." on every convolution. Such a CPU is simulated by preloading an {@code nnp_initialize}
 * that answers {@code nnp_status_unsupported_hardware} (built here with the C compiler), which is
 * what libtorch's own call resolves to. A JVM convolving with DJL directly shows the warning (so
 * the simulation works and this test can fail); one convolving through cyborg's {@link Conv2d}
 * shows none.
 */
class NnpackWarningTest {
    private static final String WARNING = "Could not initialize NNPACK! Reason: Unsupported hardware.";

    @TempDir
    Path dir;

    @Test
    void nnpackWarningIsNotPrintedPerConvolutionOnUnsupportedHardware() throws Exception {
        Path shim = unsupportedHardwareShim();
        String raw = run(shim, "raw");
        assertTrue(count(raw) >= Probe.CONVOLUTIONS, "the simulated CPU should warn per convolution:\n" + raw);
        String cyborg = run(shim, "cyborg");
        assertEquals(0, count(cyborg), cyborg);
        assertTrue(cyborg.contains("convolved " + Probe.CONVOLUTIONS), cyborg);
    }

    /** Convolves {@link #CONVOLUTIONS} times on one thread with a batch of 1, where libtorch asks for NNPACK. */
    public static final class Probe {
        static final int CONVOLUTIONS = 5;

        public static void main(String[] args) {
            try (NDManager m = NDManager.newBaseManager()) {
                JniUtils.setNumThreads(1);
                NDArray x = m.randomUniform(0, 1, new Shape(1, 4, 8, 8));
                if (args[0].equals("raw")) {
                    NDArray w = m.randomUniform(0, 1, new Shape(4, 4, 3, 3));
                    for (int i = 0; i < CONVOLUTIONS; i++) {
                        ai.djl.nn.convolutional.Conv2d.conv2d(x, w).close();
                    }
                } else {
                    Conv2d conv = Conv2d.builder(m, new Random(1), 4, 4, 3).build();
                    for (int i = 0; i < CONVOLUTIONS; i++) {
                        conv.forward(x).close();
                    }
                }
            }
            System.err.println("convolved " + CONVOLUTIONS);
        }
    }

    private Path unsupportedHardwareShim() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the simulation preloads an ELF library");
        Path source = dir.resolve("nnp.c");
        // nnp_status_unsupported_hardware is 51 in NNPACK's nnpack.h
        Files.writeString(source, "int nnp_initialize(void) { return 51; }\n");
        Path lib = dir.resolve("libnnpunsupported.so");
        Process cc;
        try {
            cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-o", lib.toString(), source.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no C compiler (cc) to simulate a CPU NNPACK cannot use: " + e.getMessage());
            throw e;
        }
        String out = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), out);
        return lib;
    }

    private String run(Path shim, String mode) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), Probe.class.getName(), mode)).redirectErrorStream(true);
        pb.environment().put("LD_PRELOAD", shim.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static long count(String output) {
        return output.lines().filter(l -> l.contains(WARNING)).count();
    }
}
