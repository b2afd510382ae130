package cyborg.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class GridTest {
    private static final Path FILE = Path.of("/grids/g.json");

    private static Grid parse(String json) {
        return Grid.parse(FILE, json);
    }

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> parse(json)).getMessage();
    }

    private static final String VALID = """
            {"datasets": [{"name": "bench", "synth": {"seed": 3, "size": 64, "train_per_class": 20}},
                          {"name": "faces", "csv": "data/split.csv", "images": "data", "maps": "../maps"}],
             "archs": ["smallresnet", "resnet18"],
             "losses": ["ce", {"name": "cyborg+cf", "loss": "ce:0.5,cyborg:0.5", "args": ["--counterfactual", "0.5"]},
                        "ce:0.5,cyborg:0.5"],
             "seeds": [1, 2],
             "train": ["--epochs", "2", "--size", "64"],
             "explain": {"images": 4},
             "select": "blend:val-auc=1,entropy=1"}
            """;

    @Test
    void expandsEveryCombinationWithStableIds() {
        Grid g = parse(VALID);
        List<RunSpec> runs = g.runs();
        assertEquals(2 * 2 * 3 * 2, runs.size());
        assertEquals("bench-smallresnet-ce-s1", runs.get(0).id());
        assertEquals("bench-smallresnet-cyborg+cf-s2", runs.get(3).id());
        assertEquals("bench-smallresnet-ce0.5-cyborg0.5-s1", runs.get(4).id());
        assertEquals("faces-resnet18-ce-s2", runs.get(runs.size() - 5).id());
        assertEquals(runs.size(), runs.stream().map(RunSpec::id).distinct().count());
        RunSpec cf = runs.get(2);
        assertEquals(List.of("--arch", "smallresnet", "--loss", "ce:0.5,cyborg:0.5", "--seed", "1",
                "--counterfactual", "0.5", "--epochs", "2", "--size", "64"), cf.definingArgs());
        assertEquals("bench/smallresnet/cyborg+cf", cf.group());
    }

    @Test
    void resolvesPathsAgainstTheGridsFolderAndReadsTheSettings() {
        Grid g = parse(VALID);
        DataSet faces = g.datasets().get(1);
        assertEquals(Path.of("/grids/data/split.csv").toString(), faces.csv());
        assertEquals(Path.of("/maps").toString(), faces.maps());
        assertEquals(3L, g.datasets().get(0).synth().get("seed").longValue());
        assertEquals(4, g.explain().images());
        assertEquals("cam", g.explain().method());
        assertEquals("blend:val-auc=1,entropy=1", g.select());
        assertEquals(List.of("train", "losses[1].args"), List.copyOf(g.optionLists().keySet()));
    }

    @Test
    void errorsNameTheFileAndTheField() {
        String base = "\"archs\": [\"smallresnet\"], \"losses\": [\"ce\"], \"seeds\": [1]";
        String ds = "\"datasets\": [{\"name\": \"b\", \"synth\": {\"seed\": 1}}]";
        assertTrue(error("{" + ds + ", \"archs\": [\"resnet51\"], \"losses\": [\"ce\"], \"seeds\": [1]}")
                .startsWith(FILE + ": archs[0] unknown"));
        assertTrue(error("{" + ds + ", " + base + ", \"epochs\": 3}").startsWith(FILE + ": epochs is not a grid field"));
        assertTrue(error("{" + ds + ", \"archs\": [\"smallresnet\"], \"losses\": [\"ce:0.5,bogus:1\"], \"seeds\": [1]}")
                .startsWith(FILE + ": losses[0] "));
        assertTrue(error("{" + ds + ", " + base + ", \"train\": [\"--epochs\", \"2\", \"--seed\", \"4\"]}")
                .startsWith(FILE + ": train[2] --seed is set by the sweep"));
        assertTrue(error("{" + ds + ", \"archs\": [\"smallresnet\"], \"losses\": [{\"loss\": \"ce\", \"args\":"
                + " [\"--out=x\"]}], \"seeds\": [1]}").startsWith(FILE + ": losses[0].args[0] --out is set by the sweep"));
        assertTrue(error("{" + ds + ", \"archs\": [\"smallresnet\"], \"losses\": [\"ce\"], \"seeds\": [1, 1]}")
                .startsWith(FILE + ": seeds lists a seed twice"));
        assertTrue(error("{\"datasets\": [{\"name\": \"b\", \"synth\": {\"size\": 64}}], " + base + "}")
                .startsWith(FILE + ": datasets[0].synth.seed is missing"));
        assertTrue(error("{\"datasets\": [{\"name\": \"b\", \"csv\": \"s.csv\"}], " + base + "}")
                .startsWith(FILE + ": datasets[0].images is missing"));
        assertTrue(error("{\"datasets\": [{\"name\": \"b/c\", \"folder\": \"x\"}], " + base + "}")
                .startsWith(FILE + ": datasets[0].name 'b/c'"));
        assertTrue(error("{\"datasets\": [{\"name\": \"b\", \"folder\": \"x\", \"synth\": {\"seed\": 1}}], " + base + "}")
                .startsWith(FILE + ": datasets[0] needs exactly one of"));
        assertTrue(error("{" + ds + ", \"archs\": [\"smallresnet\"], \"losses\": [\"ce\", {\"name\": \"ce\", \"loss\":"
                + " \"ce\"}], \"seeds\": [1]}").startsWith(FILE + ": losses[1].name repeats 'ce'"));
        assertTrue(error("{" + ds + ", " + base + ", \"select\": \"accuracy\"}")
                .startsWith(FILE + ": select unknown selection criterion"));
        assertTrue(error("{" + ds + ", \"archs\": [], \"losses\": [\"ce\"], \"seeds\": [1]}")
                .startsWith(FILE + ": archs is empty"));
        assertTrue(error("{" + ds + ", \"losses\": [\"ce\"], \"seeds\": [1]}").startsWith(FILE + ": archs is missing"));
        assertTrue(error("{" + ds + ", " + base + ", \"explain\": {\"method\": \"lime\"}}")
                .startsWith(FILE + ": explain.method unknown saliency method"));
        assertTrue(error("[1, 2]").startsWith(FILE + ": the top level must be a JSON object"));
        assertTrue(error("{\"datasets\": ").startsWith(FILE + ": not valid JSON"));
    }

    @Test
    void slugsLossSpecsIntoFolderNames() {
        assertEquals("ce0.5-cyborg0.5-logent0.1", Grid.slug("ce:0.5,cyborg:0.5,logent:0.1"));
        assertEquals("ce0.5-log1p-cyborg0.5-ent0.25", Grid.slug("ce:0.5,log1p(cyborg:0.5,ent:0.25)"));
        assertEquals("rrr", Grid.slug("rrr"));
    }

    @Test
    void theExampleGridsAreValid() throws Exception {
        Path examples = Path.of(System.getProperty("user.dir")).getParent().resolve("examples");
        Grid tiny = Grid.read(examples.resolve("sweep-tiny.json"));
        assertEquals(4, tiny.runs().size());
        Grid demo = Grid.read(examples.resolve("sweep-demo.json"));
        assertEquals(7 * 3, demo.runs().size());
        assertTrue(demo.losses().stream().anyMatch(l -> l.name().equals("cyborg+cf")
                && l.args().equals(List.of("--counterfactual", "0.5"))));
    }
}
