package cyborg.demo;

import cyborg.data.MapIndex;
import cyborg.data.Preprocessing;
import cyborg.data.Sample;
import cyborg.data.SampleLoader;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.eval.Evaluation;
import cyborg.eval.LabelIndex;
import cyborg.eval.RocCurve;
import cyborg.image.ImageFiles;
import cyborg.image.Resampler;
import cyborg.image.RgbImage;
import cyborg.io.Json;
import cyborg.loss.CamClass;
import cyborg.plot.RocPlot;
import cyborg.score.Score;
import cyborg.score.ScoreFile;
import cyborg.score.Scorer;
import cyborg.synth.Benchmark;
import cyborg.train.RunFiles;
import cyborg.train.TrainConfig;
import cyborg.train.TrainData;
import cyborg.train.Trainer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the demo end to end: benchmark, training of every loss and seed, open-set scoring, CAM
 * measurements, {@code results.json}, {@code report.md} and its figures. Rerunning it reuses the
 * benchmark and finished runs, and resumes interrupted ones.
 */
public final class Demo {
    private static final int BATCH = 64;
    private static final int EXAMPLES_PER_SOURCE = 1;

    private final DemoConfig config;
    private final PrintStream console;

    public Demo(DemoConfig config, PrintStream console) {
        this.config = config;
        this.console = console;
    }

    /** Runs everything and returns the summary table. */
    public String run() throws IOException {
        Path out = config.out();
        Path benchDir = out.resolve("benchmark");
        Benchmark bench = Benchmark.builder().size(config.size()).seed(config.benchmarkSeed())
                .trainPerClass(config.trainPerClass()).valPerClass(config.valPerClass())
                .testPerSource(config.testPerSource()).build();
        if (!sameBenchmark(benchDir, bench)) {
            say("== generating the benchmark in " + benchDir);
            bench.write(benchDir, console);
        } else {
            say("== reusing the benchmark in " + benchDir);
        }
        List<Sample> all = SplitCsv.read(benchDir.resolve("split.csv"), benchDir.resolve("images"), SkipReport.failFast());
        MapIndex maps = MapIndex.scan(benchDir.resolve("maps"));
        List<Sample> train = split(all, "train");
        List<Sample> val = split(all, "val");
        List<Sample> test = split(all, "test");
        LabelIndex labels = LabelIndex.fromSamples(test);
        List<LossOutcome> outcomes = new ArrayList<>();
        Map<String, float[]> firstSeedCams = new LinkedHashMap<>();
        int[] camSize = null;
        int runsTotal = config.losses().size() * config.seeds().size();
        int runNo = 0;
        for (Map.Entry<String, String> loss : config.losses().entrySet()) {
            LossOutcome outcome = new LossOutcome(loss.getKey(), loss.getValue());
            List<float[]> averages = new ArrayList<>();
            for (long seed : config.seeds()) {
                runNo++;
                Path runDir = out.resolve("runs").resolve(loss.getKey()).resolve("run-" + seed);
                say(String.format(Locale.ROOT, "== run %d/%d: loss %s (%s), seed %d", runNo, runsTotal, loss.getKey(),
                        loss.getValue(), seed));
                TrainConfig tc = config.training().toBuilder().loss(loss.getValue()).seed(seed).build();
                new Trainer(tc, console).train(new TrainData(train, val, "val", maps, SkipReport.failFast(), true),
                        new RunFiles(runDir), true);
                try (Scorer scorer = Scorer.open(runDir)) {
                    camSize = scorer.model().info().camSize;
                    List<Scorer.ScoredCam> testCams = scorer.cams(test, BATCH, CamClass.PREDICTED, console);
                    List<Score> scores = testCams.stream().map(c -> new Score(c.sample().key(), c.score())).toList();
                    Path scoreFile = runDir.resolve("scores.csv");
                    ScoreFile.write(scoreFile, scores);
                    outcome.runs.add(Evaluation.evaluate(scoreFile, scores, labels));
                    outcome.camEntropy.add(CamStats.entropy(testCams));
                    averages.add(CamStats.average(testCams));
                    SampleLoader mapLoader = new SampleLoader(scorer.model().preprocessing(), camSize[0], camSize[1],
                            maps, false);
                    List<Scorer.ScoredCam> valCams = scorer.cams(val, BATCH, CamClass.PREDICTED, console);
                    outcome.camMse.add(CamStats.mapMse(valCams, mapLoader));
                    if (seed == config.seeds().get(0)) {
                        examples(testCams).forEach((k, v) -> firstSeedCams.put(loss.getKey() + "|" + k, v));
                    }
                }
                say(String.format(Locale.ROOT, "   open-set AUC %.3f, CAM-map MSE (val) %.4f, CAM entropy (test) %.3f",
                        outcome.runs.get(outcome.runs.size() - 1).metrics().auc(),
                        outcome.camMse.get(outcome.camMse.size() - 1), outcome.camEntropy.get(outcome.camEntropy.size() - 1)));
            }
            outcome.averageCam = CamStats.mean(averages);
            outcomes.add(outcome);
            Map<String, RocCurve> curves = new LinkedHashMap<>();
            for (int i = 0; i < outcome.runs.size(); i++) {
                curves.put(String.format(Locale.ROOT, "seed %d", config.seeds().get(i)), outcome.runs.get(i).roc());
            }
            RocPlot.write(out.resolve("roc-" + loss.getKey() + ".png"), out.resolve("roc-" + loss.getKey() + ".svg"), curves);
        }
        figures(out, outcomes, test, maps, camSize, firstSeedCams);
        @SuppressWarnings("unchecked")
        Map<String, Object> description = Json.read(benchDir.resolve("benchmark.json"), Map.class);
        Report report = new Report(config, outcomes, description);
        report.write(out);
        return report.table() + "\n" + report.verdict() + "\n";
    }

    private static boolean sameBenchmark(Path dir, Benchmark bench) throws IOException {
        Path json = dir.resolve("benchmark.json");
        if (!Files.isRegularFile(json) || !Files.isRegularFile(dir.resolve("split.csv"))) {
            return false;
        }
        Object fp = Json.read(json, Map.class).get("fingerprint");
        return bench.fingerprint().equals(fp);
    }

    private static List<Sample> split(List<Sample> all, String split) {
        return all.stream().filter(s -> s.split().equals(split)).toList();
    }

    /** The CAMs of the first test image of each source, by image key. */
    private static Map<String, float[]> examples(List<Scorer.ScoredCam> cams) {
        Map<String, float[]> out = new LinkedHashMap<>();
        Map<String, Integer> perSource = new LinkedHashMap<>();
        for (Scorer.ScoredCam c : cams) {
            if (perSource.merge(c.sample().source(), 1, Integer::sum) <= EXAMPLES_PER_SOURCE) {
                out.put(c.sample().key(), c.cam());
            }
        }
        return out;
    }

    private void figures(Path out, List<LossOutcome> outcomes, List<Sample> test, MapIndex maps, int[] camSize,
            Map<String, float[]> firstSeedCams) throws IOException {
        SampleLoader mapLoader = new SampleLoader(Preprocessing.imagenet(config.size()), camSize[0], camSize[1], maps, false);
        List<float[]> humanMaps = new ArrayList<>();
        for (Sample s : test) {
            float[] m = CamStats.humanMap(s, mapLoader);
            if (m != null) {
                humanMaps.add(m);
            }
        }
        List<String> titles = new ArrayList<>(List.of("human maps"));
        List<float[]> rowMaps = new ArrayList<>(List.of(CamStats.mean(humanMaps)));
        for (LossOutcome o : outcomes) {
            titles.add(o.name + " CAM");
            rowMaps.add(o.averageCam);
        }
        Figures.mapRow(out.resolve("average-cams.png"), titles, rowMaps, camSize[0], camSize[1]);
        List<String> keys = firstSeedCams.keySet().stream().map(k -> k.substring(k.indexOf('|') + 1)).distinct().toList();
        List<String> rowTitles = new ArrayList<>(List.of("image", "human"));
        List<List<RgbImage>> rows = new ArrayList<>();
        List<RgbImage> images = new ArrayList<>();
        List<RgbImage> human = new ArrayList<>();
        for (String key : keys) {
            Sample s = test.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
            RgbImage img = Resampler.resize(ImageFiles.readRgb(s.image()), 128, 128);
            images.add(img);
            float[] m = CamStats.humanMap(s, mapLoader);
            human.add(Figures.overlay(img, m == null ? new float[camSize[0] * camSize[1]] : m, camSize[0], camSize[1]));
        }
        rows.add(images);
        rows.add(human);
        for (LossOutcome o : outcomes) {
            rowTitles.add(o.name);
            List<RgbImage> row = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                row.add(Figures.overlay(images.get(i), firstSeedCams.get(o.name + "|" + keys.get(i)), camSize[0], camSize[1]));
            }
            rows.add(row);
        }
        Figures.overlayGrid(out.resolve("cam-examples.png"), rowTitles, rows);
    }

    private void say(String line) {
        if (console != null) {
            console.println(line);
        }
    }
}
