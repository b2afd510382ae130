package cyborg.cli;

import cyborg.demo.Demo;
import cyborg.demo.DemoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cyborg demo}: the main job, end to end on the embedded benchmark. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Show on the embedded open-set benchmark whether human-saliency guidance generalises better.",
            "",
            "Generates the benchmark (or reuses it), trains cross-entropy, CYBORG and focus (CYBORG plus a"
                + " low-entropy term) detectors with three seeds each, scores the open-set test (authentic styles and"
                + " generators never seen in training), measures where the models look (CAM-to-human-map MSE,"
                + " CAM entropy) and writes a report. Prints the table when done. Rerunning reuses the benchmark"
                + " and finished runs and resumes interrupted ones.",
            "",
            "Writes into --out: results.json, report.md, roc-<loss>.png/svg, average-cams.png,"
                + " cam-examples.png, benchmark/ and runs/<loss>/run-<seed>/.",
            "",
            "Examples:",
            "  cyborg demo                      (about 6 minutes on 2 cores)",
            "  cyborg demo --quick --out demo-quick     (1 seed, fewer epochs: under 2 minutes)"
        })
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "demo-out", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "One seed and fewer epochs.")
    boolean quick;

    @Option(names = "--benchmark-seed", defaultValue = "1",
            description = "Seed of the generated benchmark (default: ${DEFAULT-VALUE}).")
    long benchmarkSeed;

    @Override
    public Integer call() throws Exception {
        String table = new Demo(DemoConfig.defaults(out, quick, benchmarkSeed), System.out).run();
        System.out.println();
        System.out.print(table);
        System.out.printf("report: %s, results: %s%n", out.resolve("report.md"), out.resolve("results.json"));
        return 0;
    }
}
