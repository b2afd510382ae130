package cyborg.cli;

import java.nio.file.Path;
import java.util.List;

/** Files that are not there, for every command that reads one. */
class MissingFileBadInputTest extends BadInputCorpus {
    @Override
    List<BadInput> cases(Path dir) {
        String missing = dir.resolve("nowhere.csv").toString();
        String model = Toy.model().toString();
        return List.of(
                BadInput.fails("train: split file missing", "nowhere.csv", "not found", "train", "--csv", missing,
                        "--images", Toy.images(), "--out", dir.resolve("r").toString()),
                BadInput.fails("score: split file missing", "nowhere.csv", "not found", "score", "--model", model,
                        "--csv", missing, "--images", Toy.images(), "--out", dir.resolve("s.csv").toString()),
                BadInput.fails("score: model folder missing", "no-model", "not a cyborg model folder", "score", "--model",
                        dir.resolve("no-model").toString(), "--csv", Toy.csv(), "--images", Toy.images(), "--out",
                        dir.resolve("s.csv").toString()),
                BadInput.fails("evaluate: score file missing", "nowhere.csv", "not found", "evaluate", "--scores",
                        missing, "--csv", Toy.csv()));
    }
}
