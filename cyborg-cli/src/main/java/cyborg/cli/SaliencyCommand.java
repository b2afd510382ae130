package cyborg.cli;

import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.model.CamTarget;
import cyborg.model.LoadedModel;
import cyborg.saliency.SaliencyMethod;
import cyborg.saliency.SaliencyRunner;
import cyborg.saliency.SaliencyWriter;
import cyborg.util.Ranges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cyborg saliency}: saliency maps of a trained model. */
@Command(name = "saliency", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Compute saliency maps (CAM, Grad-CAM, Grad-CAM++, Score-CAM) of a trained detector.",
            "",
            "Maps are taken at the model's CAM layer for the predicted class (or --class), ReLU'd (except"
                + " CAM, which follows the CYBORG reference) and min-max normalised. For each image writes, in"
                + " --out: ID.METHOD.map.png (8-bit gray at feature resolution), ID.METHOD.png (upsampled to the"
                + " input size) and ID.METHOD.overlay.png (jet over the image), ID the image's path under the data"
                + " root without its extension (e.g. train/real/ffhq/0000); and"
                + " --out/saliency.csv listing image, class, score and map. Score-CAM runs one forward pass per"
                + " channel and image: it is by far the slowest.",
            "",
            "Examples:",
            "  cyborg saliency --model runs/cyborg --method gradcam --csv data/split.csv --images data/images --out sal/",
            "  cyborg saliency --model runs/cyborg --method scorecam --folder faces/ --limit 20 --out sal-score/"
        })
final class SaliencyCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--method", defaultValue = "gradcam", paramLabel = "NAME",
            completionCandidates = Choices.SaliencyMethods.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String method;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Option(names = "--class", defaultValue = "predicted", paramLabel = "TARGET",
            completionCandidates = Choices.ClassTargets.class,
            description = "Whose saliency: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CamTarget target;

    @Option(names = "--batch", defaultValue = "32", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Writes(files = "saliency.csv")
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        SaliencyMethod m = SaliencyMethod.of(method);
        Ranges.atLeast("--batch", batch, 1);
        if (!target.isClass()) {
            throw new IllegalArgumentException("--class " + target.id() + " is no single class; choose "
                    + CamTarget.classChoices() + " (for the contrastive CAM: cyborg score --cams DIR --cam-class "
                    + target.id() + ")");
        }
        SkipReport skips = data.skipReport();
        List<Sample> samples = selection.select(data, skips);
        int written;
        try (LoadedModel loaded = model.open()) {
            SaliencyWriter writer = new SaliencyWriter(out, m.id(), loaded.model().info().inputSize);
            new SaliencyRunner(loaded).run(samples, m, target, batch, skips, System.err, writer::write);
            written = writer.finish();
        }
        // what was written, not what was selected: --skip-bad leaves some out
        System.out.printf("wrote %s maps of %d images to %s%n", m.id(), written, out);
        if (skips.total() > 0) {
            System.out.println(skips);
        }
        return 0;
    }
}
