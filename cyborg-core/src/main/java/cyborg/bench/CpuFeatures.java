package cyborg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the CPU offers beyond float32, read from the flags the kernel reports
 * ({@code /proc/cpuinfo}, as {@code lscpu} shows them), and whether oneDNN (PyTorch's convolution
 * library) has been told to use bfloat16 for float32 convolutions. DJL's PyTorch binding has no
 * bfloat16 tensors (converting to {@code DataType.BFLOAT16} aborts the process in 0.35.1), so that
 * oneDNN setting, {@code ONEDNN_DEFAULT_FPMATH_MODE=BF16} in the environment before the JVM starts,
 * is the one way cyborg's convolutions can run on those units.
 */
public final class CpuFeatures {
    /** Flags that mean bfloat16 dot products in hardware. */
    static final List<String> BF16_FLAGS = List.of("avx512_bf16", "amx_bf16");
    /** oneDNN's switch (and its older name) that lets float32 convolutions compute in bfloat16. */
    static final List<String> FPMATH_VARIABLES = List.of("ONEDNN_DEFAULT_FPMATH_MODE", "DNNL_DEFAULT_FPMATH_MODE");

    private final Set<String> flags;
    private final String fpmath;

    CpuFeatures(Set<String> flags, String fpmath) {
        this.flags = Set.copyOf(flags);
        this.fpmath = fpmath;
    }

    /** This machine's: the first CPU's flags (empty where /proc/cpuinfo is absent) and this process's environment. */
    public static CpuFeatures ofThisMachine() {
        Set<String> flags = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    flags.addAll(List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: no flags known, which reads as "no bfloat16 units"
        }
        String fpmath = null;
        for (String v : FPMATH_VARIABLES) {
            if (fpmath == null && System.getenv(v) != null) {
                fpmath = System.getenv(v);
            }
        }
        return new CpuFeatures(flags, fpmath);
    }

    /** The bfloat16 flags this CPU has (empty: none). */
    public List<String> bfloat16Flags() {
        return BF16_FLAGS.stream().filter(flags::contains).toList();
    }

    /** Whether oneDNN was told to run float32 convolutions in bfloat16. */
    public boolean bfloat16Convolutions() {
        return fpmath != null && fpmath.trim().equalsIgnoreCase("BF16");
    }

    /** One sentence on bfloat16 for a benchmark's header: what the CPU has and what this run used. */
    public String bfloat16Summary() {
        List<String> has = bfloat16Flags();
        if (has.isEmpty()) {
            return "bf16: this CPU has no bfloat16 units (neither " + String.join(" nor ", BF16_FLAGS)
                    + "): every kernel ran in float32";
        }
        if (bfloat16Convolutions()) {
            return "bf16: this CPU has " + String.join(", ", has) + " and ONEDNN_DEFAULT_FPMATH_MODE=BF16 is set:"
                    + " the convolution probe and the networks' convolutions ran in bfloat16 (float32 in and out)";
        }
        return "bf16: this CPU has " + String.join(", ", has) + "; unused in this run (set"
                + " ONEDNN_DEFAULT_FPMATH_MODE=BF16 before starting to let convolutions use it)";
    }
}
