package cyborg.demo;

import cyborg.data.MapIndex;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.eval.Evaluation;
import cyborg.eval.LabelIndex;
import cyborg.eval.OpenSet;
import cyborg.io.Json;
import cyborg.model.ComputeDevice;
import cyborg.model.LoadedModel;
import cyborg.score.Score;
import cyborg.score.Scorer;
import cyborg.synth.DecoyTask;
import cyborg.train.RunFiles;
import cyborg.train.TrainData;
import cyborg.train.Trainer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's decoy part (docs/decoy.md): generates the decoy task (or reuses it), trains each
 * method per seed on it (reusing finished runs, resuming interrupted ones), scores the test split
 * and measures its AUC against the labels and against what the square says.
 */
public final class DecoyDemo {
    private static final int BATCH = 64;

    private final DecoyConfig config;
    private final PrintStream console;
    private ComputeDevice device = ComputeDevice.CPU;

    public DecoyDemo(DecoyConfig config, PrintStream console) {
        this.config = config;
        this.console = console;
    }

    /** Trains and scores on {@code d} instead of the CPU. */
    public DecoyDemo on(ComputeDevice d) {
        d.device(); // a GPU that is not there fails here, before any work
        this.device = d;
        return this;
    }

    /** Runs every method and seed and returns what they measured. */
    public DecoyOutcome run() throws IOException {
        Path taskDir = config.out().resolve("task");
        Path runs = config.out().resolve("runs");
        DecoyTask task = config.task();
        if (GeneratedTask.isCurrent(taskDir, "decoy.json", task.fingerprint(), "split.csv", DecoyTask.NO_DECOY_SPLIT,
                DecoyTask.DECOY_TRUTH)) {
            say("== reusing the decoy task in " + taskDir);
        } else {
            // runs trained on another task would be reused as if trained on this one
            if (Files.isDirectory(runs)) {
                throw new IOException(runs + " holds runs trained on another decoy task than " + task.fingerprint()
                        + " (or on one whose files are gone from " + taskDir + "); delete " + config.out()
                        + " to start the decoy part over");
            }
            say("== generating the decoy task in " + taskDir);
            task.write(taskDir, console);
        }
        Path images = taskDir.resolve("images");
        List<Sample> coded = SplitCsv.read(taskDir.resolve("split.csv"), images, SkipReport.failFast());
        List<Sample> noDecoy = SplitCsv.read(taskDir.resolve(DecoyTask.NO_DECOY_SPLIT), images, SkipReport.failFast());
        List<Sample> test = split(coded, "test");
        Path truthFile = taskDir.resolve(DecoyTask.DECOY_TRUTH);
        LabelIndex decoyTruth = LabelIndex.fromCsv(truthFile, "test", SkipReport.failFast());
        MapIndex maps = MapIndex.scan(taskDir.resolve("maps"));
        List<DecoyOutcome.Method> outcomes = new ArrayList<>();
        int runsTotal = config.methods().size() * config.seeds().size();
        int runNo = 0;
        for (DemoMethod method : config.methods()) {
            List<Sample> rows = method.reference() ? noDecoy : coded;
            List<DecoyOutcome.Seed> seeds = new ArrayList<>();
            for (long seed : config.seeds()) {
                runNo++;
                Path runDir = RunFiles.numbered(runs.resolve(method.name()), seed);
                say(String.format(Locale.ROOT, "== decoy run %d/%d: %s (%s), seed %d", runNo, runsTotal, method.name(),
                        method.commandLine(DecoyTask.NO_DECOY_SPLIT), seed));
                new Trainer(method.config(config.training(), seed), console).on(device).train(
                        new TrainData(split(rows, "train"), split(rows, "val"), "val", maps, SkipReport.failFast(), true),
                        new RunFiles(runDir), true);
                DecoyOutcome.Seed o = measure(runDir, seed, test, truthFile, decoyTruth);
                seeds.add(o);
                say(String.format(Locale.ROOT, "   test AUC %.3f, AUC against the decoy's label %.3f", o.auc(),
                        o.decoyAuc()));
            }
            outcomes.add(new DecoyOutcome.Method(method, seeds));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> description = Json.read(taskDir.resolve("decoy.json"), Map.class);
        return new DecoyOutcome(config, outcomes, description);
    }

    /** Scores the test split into the run's {@code scores.csv} and measures both AUCs. */
    private DecoyOutcome.Seed measure(Path runDir, long seed, List<Sample> test, Path truthFile, LabelIndex decoyTruth)
            throws IOException {
        Path scoreFile = runDir.resolve("scores.csv");
        try (Scorer scorer = new Scorer(LoadedModel.open(runDir, device))) {
            OpenSet scored = OpenSet.score(scorer, test, BATCH, SkipReport.failFast(), scoreFile, console);
            List<Score> scores = scored.cams().stream().map(c -> new Score(c.sample().key(), c.score())).toList();
            return new DecoyOutcome.Seed(seed, scored.metrics().metrics().auc(),
                    Evaluation.auc(scoreFile, scores, decoyTruth));
        }
    }

    private static List<Sample> split(List<Sample> all, String split) {
        return all.stream().filter(s -> s.split().equals(split)).toList();
    }

    private void say(String line) {
        if (console != null) {
            console.println(line);
        }
    }
}
