package cyborg.cli;

import cyborg.data.SkipReport;
import cyborg.eval.Evaluation;
import cyborg.eval.LabelIndex;
import cyborg.eval.MetricsReport;
import cyborg.eval.RunMetrics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
            "Writes into --out: metrics.json, metrics.txt, roc.png, roc.svg.",
            "",
            "Examples:",
            "  cyborg evaluate --scores scores.csv --csv data/split.csv --out eval/",
            "  cyborg evaluate --scores runs/ce/run-*/scores.csv --csv data/split.csv --out eval-ce/"
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

    @Option(names = "--out", defaultValue = "evaluation", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        LabelIndex labels = truth.csv != null ? LabelIndex.fromCsv(truth.csv, SkipReport.failFast())
                : LabelIndex.fromFolder(truth.folder);
        List<RunMetrics> runs = Evaluation.evaluate(scores, labels);
        MetricsReport report = new MetricsReport(runs);
        report.write(out);
        System.out.print(report.table());
        System.out.printf("wrote %s, roc.png and roc.svg%n", out.resolve("metrics.json"));
        return 0;
    }
}
