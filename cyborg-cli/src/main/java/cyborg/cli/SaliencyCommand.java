package cyborg.cli;

import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.model.CamTarget;
import cyborg.model.LoadedModel;
import cyborg.saliency.SaliencyMethod;
import cyborg.saliency.SaliencyRunner;
import cyborg.saliency.SaliencyWriter;
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
                + " CAM, which follows the CYBORG reference) and min-max normalised. For each image writes, under"
                + " --out/<source>/: NAME.METHOD.map.png (8-bit gray at feature resolution), NAME.METHOD.png"
                + " (upsampled to the input size) and NAME.METHOD.overlay.png (jet over the image); and"
                + " --out/saliency.csv listing image, class, score and map. Score-CAM runs one forward pass per"
                + " channel and image: it is by far the slowest.",
            "",
            "Examples:",
            "  cyborg saliency --model runs/cyborg --method gradcam --csv data/split.csv --images data/images --out sal/",
            "  cyborg saliency --model runs/cyborg --method scorecam --folder faces/ --limit 20 --out sal-score/"
        })
final class SaliencyCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A run folder of 'cyborg train'.")
    Path model;

    @Option(names = "--method", defaultValue = "gradcam", paramLabel = "NAME",
            description = "cam, gradcam, gradcampp or scorecam (default: ${DEFAULT-VALUE}).")
    String method;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--split", defaultValue = "test", paramLabel = "NAME",
            description = "Which CSV rows: train, val, test or all (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--class", defaultValue = "predicted", paramLabel = "predicted|true|real|synthetic",
            description = "Whose saliency: the predicted class, the true label, or a fixed class (default: ${DEFAULT-VALUE}).")
    CamTarget target;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N images.")
    Integer limit;

    @Option(names = "--batch", defaultValue = "32", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        SaliencyMethod m = SaliencyMethod.of(method);
        SkipReport skips = data.skipReport();
        List<Sample> samples = data.select(skips, split, limit);
        try (LoadedModel loaded = LoadedModel.open(model)) {
            SaliencyWriter writer = new SaliencyWriter(out, m.id(), loaded.model().info().inputSize);
            new SaliencyRunner(loaded).run(samples, m, target, batch, skips, System.err, writer::write);
            writer.finish();
        }
        System.out.printf("wrote %s maps of %d images to %s%n", m.id(), samples.size(), out);
        if (skips.total() > 0) {
            System.out.println(skips);
        }
        return 0;
    }
}
