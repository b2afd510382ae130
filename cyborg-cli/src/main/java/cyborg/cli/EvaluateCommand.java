package cyborg.cli;

import cyborg.data.FolderLayout;
import cyborg.data.SkipReport;
import cyborg.data.Splits;
import cyborg.eval.Evaluation;
import cyborg.eval.LabelIndex;
import cyborg.eval.MetricsReport;
import cyborg.eval.RunMetrics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cyborg evaluate}: metrics of score files against ground truth. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Evaluate score files: AUC, TDR at low FDR, APCER/BPCER/ACER, AUC per source.",
            "",
            "Computes ROC AUC; the true detection rate at false detection rates 0.1, 0.2, 1 and 5 %%; the best"
                + " APCER/BPCER/ACER over thresholds 0:0.025:1 on min-max-normalised scores; and the AUC per"
                + " source (each generator against all real images, each real source against all synthetic ones)."
                + " Labels and sources are joined from the split file (or folder layout) by image path. Given"
                + " several score files (one per run), reports mean +- std (population std) over them.",
            "",
            "Each score file must score every image of the evaluated split (--split) once and nothing else:"
                + " a missing, repeated or foreign row is an error naming the file and line. --subset evaluates"
                + " only the scored rows of the split and says how many were left out; the runs must then"
                + " still score the same images.",
            "",
            "Writes into --out: metrics.json, metrics.txt, roc.png, roc.svg.",
            "",
            "Examples:",
            "  cyborg evaluate --scores scores.csv --csv data/split.csv --out eval/",
            "  cyborg evaluate --scores runs/ce/run-*/scores.csv --csv data/split.csv --out eval-ce/",
            "  cyborg evaluate --scores val-scores.csv --csv data/split.csv --split val --out eval-val/"
        })
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--scores", required = true, arity = "1..*", paramLabel = "FILE",
            description = "One or more score files written by 'cyborg score'.")
    List<Path> scores;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Truth truth;

    /** Where the ground truth comes from. */
    static final class Truth {
        @Option(names = "--csv", paramLabel = "FILE", description = "The split file the images came from.")
        Path csv;

        @Option(names = "--folder", paramLabel = "DIR", description = "The folder layout the images came from.")
        Path folder;
    }

    @Option(names = "--split", paramLabel = "NAME",
            description = "Which rows the scores are of: train, val, test or all (default: test with --csv, as"
                    + " 'cyborg score' scores; every image with --folder).")
    String split;

    @Option(names = "--subset",
            description = "Evaluate only the scored rows of the split instead of refusing a score file that"
                    + " leaves some out; reports how many were left out.")
    boolean subset;

    @Option(names = "--skip-bad",
            description = "Skip bad rows of the split file, and report how many by reason, instead of stopping.")
    boolean skipBad;

    @Writes(files = {"metrics.json", "metrics.txt", "roc.png", "roc.svg"})
    @Option(names = "--out", defaultValue = "evaluation", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        SkipReport skips = skipBad ? SkipReport.skipping() : SkipReport.failFast();
        LabelIndex labels = truth.csv != null ? LabelIndex.fromCsv(truth.csv, split == null ? Splits.TEST : split, skips)
                : folderLabels();
        List<RunMetrics> runs = Evaluation.evaluate(scores, labels, subset);
        MetricsReport report = new MetricsReport(runs);
        report.write(out);
        for (RunMetrics run : runs) {
            if (run.leftOut() > 0) {
                int scored = run.metrics().nReal() + run.metrics().nSynthetic();
                System.out.printf("%s: evaluated %d of the %d %s (--subset): %d left out%n", run.file(), scored,
                        scored + run.leftOut(), labels.rows(), run.leftOut());
            }
        }
        System.out.print(report.table());
        System.out.printf("wrote %s, roc.png and roc.svg%n", out.resolve("metrics.json"));
        if (skips.total() > 0) {
            System.out.println(skips);
        }
        return 0;
    }

    private LabelIndex folderLabels() throws IOException {
        FolderLayout.Scan scan = FolderLayout.scan(truth.folder, Splits.TEST);
        scan.ignored().note().ifPresent(System.out::println);
        return LabelIndex.fromFolder(truth.folder, scan.samples(), split == null ? LabelIndex.ALL : split);
    }
}
