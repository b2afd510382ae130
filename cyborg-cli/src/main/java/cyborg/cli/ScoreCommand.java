package cyborg.cli;

import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.model.CamTarget;
import cyborg.score.CamWriter;
import cyborg.score.Score;
import cyborg.score.ScoreFile;
import cyborg.score.Scorer;
import cyborg.util.Ranges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cyborg score}: scores images with a trained model. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Score images with a trained detector.",
            "",
            "The score is sigmoid(logit of Synthetic), as the reference computes it. Output: a CSV without"
                + " header, one 'imagepath,score' row per image, the image path written as image root + relpath"
                + " (exactly like the reference's test script).",
            "",
            "Examples:",
            "  cyborg score --model runs/cyborg --csv data/split.csv --images data/images --out scores.csv",
            "  cyborg score --model runs/cyborg --folder photos/ --cams cams/ --out scores.csv",
            "  cyborg score --model densenet.pth --arch densenet121 --csv test.csv --images data --out scores.csv"
        })
final class ScoreCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    // 8: on 2 cores ResNet-50 at 224 px ran 28 img/s at batches 2-8 and 18 at 32 (cyborg bench --batch)
    @Option(names = "--batch", defaultValue = "8", description = "Images per forward pass (default: ${DEFAULT-VALUE};"
            + " larger batches are slower on a CPU once activations outgrow its caches).")
    int batch;

    @Writes
    @Option(names = "--cams", paramLabel = "DIR",
            description = "Also write each image's class activation map: DIR/<ID>_cam.png (8-bit gray) and"
                    + " DIR/<ID>_overlay.png (jet colours over the image), ID the image's path under the data root"
                    + " without its extension (e.g. DIR/train/real/ffhq/0000_cam.png), so same-named images never"
                    + " share a file.")
    Path cams;

    @Option(names = "--cam-class", defaultValue = "predicted", paramLabel = "TARGET",
            completionCandidates = Choices.CamTargets.class,
            description = "Whose CAM --cams writes: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); contrast is"
                    + " the map of the logit difference, |(W[Synthetic] - W[Real]) . F| / max.")
    CamTarget camClass;

    @Writes
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Score file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Ranges.atLeast("--batch", batch, 1);
        SkipReport skips = data.skipReport();
        List<Sample> samples = selection.select(data, skips);
        try (Scorer scorer = new Scorer(model.open())) {
            CamWriter writer = cams == null ? null : new CamWriter(cams, scorer.model().info().inputSize);
            List<Score> scores = scorer.score(samples, batch, writer, camClass, skips, System.err);
            ScoreFile.write(out, scores);
            System.out.printf("scored %d images -> %s%n", scores.size(), out);
        }
        if (skips.total() > 0) {
            System.out.println(skips);
        }
        return 0;
    }
}
