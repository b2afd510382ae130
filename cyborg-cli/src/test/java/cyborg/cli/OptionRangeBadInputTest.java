package cyborg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Numeric options outside their documented range: refused with the option, the range and the
 * value, never replaced by a default ({@code train --size 0} trained at 64 px and recorded 0) or
 * accepted when it can only make a meaningless run (an infinite weight decay or StepLR factor).
 */
class OptionRangeBadInputTest extends BadInputCorpus {
    @Override
    List<BadInput> cases(Path dir) throws Exception {
        Path bare = dir.resolve("bare.pth");
        Cli export = Cli.run("export", "--model", Toy.model().toString(), "--out", bare.toString());
        if (export.status != 0) {
            throw new IllegalStateException(export.toString());
        }
        Files.deleteIfExists(dir.resolve("bare.pth.json")); // a weight file with no description
        String out = dir.resolve("out").toString();
        return List.of(
                BadInput.fails("train --size 0", "--size", "must lie in 32..2048 for smallresnet, got 0",
                        "train", "--csv", Toy.csv(), "--images", Toy.images(), "--arch", "smallresnet", "--size", "0",
                        "--epochs", "1", "--batch", "8", "--loss", "ce", "--out", dir.resolve("size0").toString()),
                BadInput.fails("train --weight-decay Infinity", "--weight-decay",
                        "must be a finite number of at least 0, got Infinity",
                        ToyTraining.args(dir.resolve("decay"), "--weight-decay", "Infinity")),
                BadInput.fails("train --lr-gamma Infinity", "--lr-gamma", "must be a finite number above 0",
                        ToyTraining.args(dir.resolve("gamma"), "--lr-gamma", "Infinity")),
                BadInput.fails("saliency --batch 0", "--batch", "must be at least 1, got 0", "saliency", "--model",
                        Toy.model().toString(), "--csv", Toy.csv(), "--images", Toy.images(), "--batch", "0", "--out",
                        out),
                BadInput.fails("score --size 0 with a weight file", "--size",
                        "must lie in 32..2048 for smallresnet, got 0", "score", "--model", bare.toString(), "--arch",
                        "smallresnet", "--size", "0", "--csv", Toy.csv(), "--images", Toy.images(), "--out",
                        dir.resolve("s.csv").toString()),
                BadInput.fails("import --size below inception_v3's smallest", "--size",
                        "must lie in 75..2048 for inception_v3, got 40", "import", "--arch", "inception_v3", "--size",
                        "40", "--from", bare.toString(), "--out", out));
    }
}
