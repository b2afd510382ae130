package cyborg.cli;

import cyborg.demo.Demo;
import cyborg.demo.DemoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cyborg demo}: the main job, end to end on the embedded benchmark. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Show on the embedded open-set benchmark whether human-saliency guidance generalises better.",
            "",
            "Generates the benchmark (or reuses it) and trains, with three seeds each: cross-entropy, the CYBORG"
                + " paper's loss, focus (CYBORG plus a low-entropy term), each explanation-guided method alone"
                + " (contrastive CAM, counterexamples; the rrr input-gradient penalty with --with-rrr) and the"
                + " recommended combination, and a reference: cross-entropy trained where the mark carries no label"
                + " (split-ceiling.csv), about what removing the shortcut can reach."
                + " Scores the open set (authentic styles and generator families never seen in training) with the"
                + " shortcut uncorrelated and reversed, measures each model's reliance on the shortcut (score change"
                + " when only the mark is added) and where its CAM lies (mass on the human map, MSE, entropy), and"
                + " writes a report that states which targets held. Rerunning reuses the benchmark and finished"
                + " runs and resumes interrupted ones.",
            "",
            "Writes into --out: results.json (config.recommended_loss and config.recommended_args give the"
                + " cyborg train options the README recommends), report.md, roc-<method>.png/svg,"
                + " average-cams.png, average-input-gradients.png, cam-examples.png, benchmark/ and runs/<method>/run-<seed>/.",
            "",
            "Examples:",
            "  cyborg demo                      (about 9 minutes on 2 cores)",
            "  cyborg demo --quick --out demo-quick     (1 seed, fewer epochs: about 2.5 minutes)",
            "  cyborg demo --benchmark-seed 11  (another draw of the benchmark)"
        })
final class DemoCommand implements Callable<Integer> {
    @Mixin
    DeviceOptions device = new DeviceOptions();

    @Writes
    @Option(names = "--out", defaultValue = "demo-out", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "One seed and fewer epochs.")
    boolean quick;

    @Option(names = "--benchmark-seed", defaultValue = "1",
            description = "Seed of the generated benchmark (default: ${DEFAULT-VALUE}).")
    long benchmarkSeed;

    @Option(names = "--with-rrr",
            description = "Also train the input-gradient penalty (--loss rrr): about 4.5 more minutes.")
    boolean withRrr;

    @Override
    public Integer call() throws Exception {
        String table = new Demo(DemoConfig.defaults(out, quick, benchmarkSeed, withRrr), System.out)
                .on(device.device).run();
        System.out.println();
        System.out.print(table);
        System.out.printf("report: %s, results: %s%n", out.resolve("report.md"), out.resolve("results.json"));
        return 0;
    }
}
