package cyborg.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import cyborg.model.Architecture;
import cyborg.train.TrainConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How the decoy part joins the demo: which runs of {@code --task} run it, and where its results go. */
class DecoyInDemoTest {
    @TempDir
    Path out;

    private static DecoyOutcome outcome(DecoyConfig config) {
        Map<String, DemoMethod> byName = new java.util.HashMap<>();
        config.methods().forEach(m -> byName.put(m.name(), m));
        return new DecoyOutcome(config, List.of(
                new DecoyOutcome.Method(byName.get("ce"), List.of(new DecoyOutcome.Seed(1, 0.549, 0.986))),
                new DecoyOutcome.Method(byName.get("cyborg+cf"), List.of(new DecoyOutcome.Seed(1, 0.994, 0.484))),
                new DecoyOutcome.Method(byName.get("nodecoy"), List.of(new DecoyOutcome.Seed(1, 0.999, 0.482)))),
                Map.of("task", "decoy"));
    }

    @Test
    void theDefaultRunsOneDecoySeedQuickSkipsItAndTheDecoyTaskAloneRunsThree() {
        DemoConfig full = DemoConfig.defaults(out, false, 1);
        DemoConfig quick = DemoConfig.defaults(out, true, 1);
        DecoyConfig both = DemoTask.BOTH.decoyPart(full, false);
        assertEquals(List.of(1L), both.seeds());
        assertEquals(out.resolve("decoy"), both.out());
        assertEquals(List.of("ce", "cyborg+cf", "nodecoy"), both.methods().stream().map(DemoMethod::name).toList());
        assertEquals(full.recommendedMethod(), both.methods().get(1), "the face demo's definition, not a copy");
        assertNull(DemoTask.BOTH.decoyPart(quick, true));
        assertNull(DemoTask.FACES.decoyPart(full, false));
        assertEquals(List.of(1L, 2L, 3L), DemoTask.DECOY.decoyPart(full, false).seeds());
        assertEquals(List.of(1L), DemoTask.DECOY.decoyPart(quick, true).seeds());
        assertFalse(DemoTask.DECOY.runsFaces());
        assertEquals(DemoTask.BOTH, DemoTask.parse(" Both"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoTask.parse("digits"));
        assertEquals("unknown demo task 'digits'; use one of: faces, decoy, both", e.getMessage());
        // the script's recipe
        List<String> args = both.training().cliArgs();
        for (List<String> pair : List.of(List.of("--arch", "smallresnet"), List.of("--size", "32"),
                List.of("--epochs", "8"), List.of("--lr", "0.01"), List.of("--lr-step", "7"), List.of("--batch", "20"))) {
            int i = args.indexOf(pair.get(0));
            assertTrue(i >= 0 && args.get(i + 1).equals(pair.get(1)), pair + " in " + args);
        }
    }

    @Test
    void theFaceReportGainsTheDecoySectionAndResultsTheDecoyObject() throws IOException {
        DemoConfig faces = DemoConfig.defaults(out, true, 1);
        DecoyOutcome decoy = outcome(DemoTask.BOTH.decoyPart(DemoConfig.defaults(out, false, 1), false));
        Map<String, Object> bench = Map.of("generators", Map.of("upsample-nose",
                Map.of("mechanism", "upsampling", "mechanism_in_training", true)));
        Report without = new Report(faces, List.of(), bench);
        assertFalse(without.results().containsKey("decoy"));
        Report with = new Report(faces, List.of(), bench).withDecoy(decoy);
        assertEquals(decoy.json(), with.results().get("decoy"));
        @SuppressWarnings("unchecked")
        Map<String, Object> verdict = (Map<String, Object>) decoy.json().get("verdict");
        assertEquals(true, verdict.get("reaches_ceiling"));
        assertEquals(true, verdict.get("ce_follows_decoy"));
        String section = decoy.section();
        assertTrue(section.startsWith("## The decoy task (docs/decoy.md)\n"), section);
        assertTrue(section.contains("| cyborg+cf | 0.994 | 0.484 | 0.994 | `--loss ce:0.5,cyborg:0.5 --counterfactual 0.5` |"),
                section);
        assertTrue(section.contains("| nodecoy (ceiling) | 0.999 | 0.482 | 0.999 | `--csv split-nodecoy.csv --loss ce` |"),
                section);
        assertTrue(section.contains("**cyborg+cf reaches the no-decoy ceiling: test AUC 0.994 against 0.999 (within"
                + " 0.02). CE follows the decoy"), section);
    }

    @Test
    void theDecoyTaskAloneWritesItsOwnReportAndResults() throws IOException {
        DecoyOutcome decoy = outcome(DemoTask.DECOY.decoyPart(DemoConfig.defaults(out, false, 1), false));
        decoy.writeAlone(out);
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.startsWith("# cyborg demo: the decoy task\n"), report);
        assertTrue(report.endsWith(decoy.section()), report);
        String json = Files.readString(out.resolve("results.json"));
        assertTrue(json.startsWith("{\n  \"decoy\": {\n    \"methods\": {"), json);
        assertFalse(json.contains("\"losses\""), json);
    }

    @Test
    void theDecoyTaskAloneDoesNotReplaceTheFaceDemosResults() throws IOException {
        DecoyOutcome decoy = outcome(DemoTask.DECOY.decoyPart(DemoConfig.defaults(out, false, 1), false));
        String face = "{\"losses\": {\"ce\": {}}}\n";
        Files.writeString(out.resolve("results.json"), face);
        Files.writeString(out.resolve("report.md"), "# face report\n");
        IOException e = assertThrows(IOException.class, () -> decoy.writeAlone(out));
        assertTrue(e.getMessage().startsWith(out.resolve("results.json") + " holds the face demo's results"),
                e.getMessage());
        assertEquals(face, Files.readString(out.resolve("results.json")));
        assertEquals("# face report\n", Files.readString(out.resolve("report.md")));
        // its own earlier results are replaced
        Files.delete(out.resolve("results.json"));
        decoy.writeAlone(out);
        decoy.writeAlone(out);
        assertTrue(Files.readString(out.resolve("report.md")).startsWith("# cyborg demo: the decoy task"));
    }

    @Test
    void theDemoRunsTheDecoyPartAfterTheFaceRunsIntoOneReport() throws IOException {
        TrainConfig tiny = TrainConfig.builder().architecture(Architecture.SMALLRESNET).inputSize(32).epochs(1)
                .batchSize(4).build();
        List<DemoMethod> faceMethods = DemoConfig.allMethods().stream()
                .filter(m -> m.name().equals("ce") || m.name().equals("cyborg+cf")).toList();
        DemoConfig faces = new DemoConfig(out, 4, 32, 6, 3, 4, List.of(1L), faceMethods, "cyborg+cf", tiny);
        DecoyConfig defaults = DemoTask.BOTH.decoyPart(faces, false);
        DecoyConfig decoy = new DecoyConfig(defaults.out(), 1, 32, 6, 3, 5, List.of(1L), defaults.methods(),
                defaults.recommended(), tiny);
        String summary = new Demo(faces, null).withDecoy(decoy).run();
        JsonObject r = JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject();
        assertEquals(List.of("ce", "cyborg+cf"), List.copyOf(r.getAsJsonObject("losses").keySet()));
        JsonObject d = r.getAsJsonObject("decoy");
        assertEquals(List.of("ce", "cyborg+cf", "nodecoy"), List.copyOf(d.getAsJsonObject("methods").keySet()));
        assertTrue(Files.isRegularFile(out.resolve("decoy/runs/nodecoy/run-1/scores.csv")));
        String report = Files.readString(out.resolve("report.md"));
        int face = report.indexOf("| ce |");
        int section = report.indexOf("## The decoy task (docs/decoy.md)");
        assertTrue(face >= 0 && section > face, "the face table, then the decoy section:\n" + report);
        String verdict = d.getAsJsonObject("verdict").get("reaches_ceiling").getAsBoolean() ? "reaches" : "does not reach";
        assertTrue(report.substring(section).contains("cyborg+cf " + verdict + " the no-decoy ceiling"), report);
        assertTrue(summary.contains("| nodecoy (ceiling) |"), summary);
    }

    @Test
    void aFailingDecoyPartLeavesTheFaceReportWritten() throws IOException {
        TrainConfig tiny = TrainConfig.builder().architecture(Architecture.SMALLRESNET).inputSize(32).epochs(1)
                .batchSize(4).build();
        List<DemoMethod> ce = DemoConfig.allMethods().stream().filter(m -> m.name().equals("ce")).toList();
        DemoConfig faces = new DemoConfig(out, 4, 32, 6, 3, 4, List.of(1L), ce, "ce", tiny);
        DecoyConfig defaults = DemoTask.BOTH.decoyPart(faces, false);
        DecoyConfig decoy = new DecoyConfig(defaults.out(), 1, 32, 6, 3, 5, List.of(1L), defaults.methods(),
                defaults.recommended(), tiny);
        // runs of no task: the decoy part refuses them before it generates anything
        Files.createDirectories(decoy.out().resolve("runs/ce/run-1"));
        IOException e = assertThrows(IOException.class, () -> new Demo(faces, null).withDecoy(decoy).run());
        assertTrue(e.getMessage().contains("holds runs trained on another decoy task"), e.getMessage());
        assertTrue(Files.readString(out.resolve("report.md")).contains("| ce |"));
        assertTrue(Files.readString(out.resolve("results.json")).contains("\"losses\""));
    }
}
