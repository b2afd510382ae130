package cyborg.cli;

import cyborg.bench.KernelPeak;
import cyborg.bench.SpeedBench;
import cyborg.model.Architecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cyborg bench}: training and scoring throughput of each architecture on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measure training and scoring images/s of each architecture at its native size (or --size) on this machine.",
            "",
            "Random inputs (decoding does not count); a training step is forward, loss (CYBORG unless --loss),"
                + " backward and an SGD update. Warm-up steps are not timed. Run it through ./cyborg to get jemalloc"
                + " when installed.",
            "",
            "Examples:",
            "  cyborg bench",
            "  cyborg bench --arch resnet50 --arch densenet121 --steps 5",
            "  cyborg bench --arch smallresnet --loss rrr --steps 20     (cost of a double-backward step)"
        })
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--arch", paramLabel = "NAME", description = "Architectures to measure (default: all).")
    List<String> archs = new ArrayList<>();

    @Option(names = "--batch", defaultValue = "20", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", defaultValue = "3", description = "Timed steps each (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--loss", defaultValue = "cyborg", paramLabel = "SPEC",
            description = "Training loss, as for cyborg train (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--size", paramLabel = "PX", description = "Input size (default: each architecture's own).")
    Integer size;

    @Override
    public Integer call() {
        List<Architecture> list = new ArrayList<>();
        if (archs.isEmpty()) {
            list.addAll(List.of(Architecture.values()));
        } else {
            archs.forEach(a -> list.add(Architecture.parse(a)));
        }
        cyborg.loss.LossSpec.parse(loss, 0.5); // a bad specification fails before any measuring
        System.out.println("training loss: " + cyborg.loss.LossSpec.parse(loss, 0.5));
        KernelPeak.Result kernels = KernelPeak.measure();
        double peak = kernels.gflops();
        System.out.printf(Locale.ROOT, "peak: %.0f GFLOP/s, the better of a float32 matrix product (%.0f) and a"
                + " 3 x 3 convolution (%.0f)%n", peak, kernels.matmulGflops(), kernels.convolutionGflops());
        System.out.println(cyborg.bench.CpuFeatures.ofThisMachine().bfloat16Summary());
        System.out.println("| architecture | input | batch | training img/s | scoring img/s | forward GFLOP/img"
                + " | training % of peak | scoring % of peak |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Architecture a : list) {
            SpeedBench.Result r = SpeedBench.run(a, size == null ? a.nativeSize() : size, batch, warmup, steps, loss);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.2f | %.0f | %.0f |%n", a.id(), r.size(),
                    r.batch(), r.trainImagesPerSecond(), r.scoreImagesPerSecond(), r.forwardFlopsPerImage() / 1e9,
                    100 * r.trainGflops() / peak, 100 * r.scoreGflops() / peak);
        }
        System.out.println("(operations of convolutions and linear layers; a training step counted as 3 forward passes)");
        return 0;
    }
}
