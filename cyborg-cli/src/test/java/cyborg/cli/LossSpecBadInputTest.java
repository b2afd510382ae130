package cyborg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Loss specifications that would train nothing, twice, or something else than meant. */
class LossSpecBadInputTest extends BadInputCorpus {
    @Override
    List<BadInput> cases(Path dir) {
        return List.of(
                BadInput.fails("train --loss ce:0 (nothing to train)", "'ce:0'", "every weight is 0",
                        train(dir, "--loss", "ce:0")),
                BadInput.fails("train --loss cyborg:0 (nothing to train)", "'cyborg:0'", "every weight is 0",
                        train(dir, "--loss", "cyborg:0")),
                BadInput.fails("train --loss with a zero log1p group", "log1p(ent:0)", "every weight is 0",
                        train(dir, "--loss", "ce:0,log1p(ent:0)")),
                BadInput.fails("train --loss with a term twice under an alias", "mse is another name of cyborg",
                        "appears twice", train(dir, "--loss", "ce:0.5,cyborg:0.25,mse:0.25")),
                BadInput.fails("train --loss with an unknown term lists the registry", "'cyborgg'",
                        "terms: ce, cyborg, mse, kl, logent, ent, entmatch, rrr", train(dir, "--loss", "cyborgg")),
                BadInput.fails("train --loss with a negative weight", "ce:-1", "must be finite and >= 0",
                        train(dir, "--loss", "ce:-1")),
                BadInput.fails("train --loss with an infinite weight", "1e999", "must be finite",
                        train(dir, "--loss", "ce:1,cyborg:1e999")),
                BadInput.fails("train --alpha NaN", "--alpha", "must lie in [0, 1]",
                        train(dir, "--loss", "cyborg", "--alpha", "NaN")));
    }

    private static String[] train(Path dir, String... loss) {
        // a run folder of its own, so that a spec wrongly accepted cannot make the next case fail for another reason
        Path out = dir.resolve("run-" + Integer.toHexString(String.join(" ", loss).hashCode()));
        return ToyTraining.args(out, Stream.concat(Stream.of("--maps", Toy.data().resolve("maps").toString()),
                Stream.of(loss)).toArray(String[]::new));
    }
}
