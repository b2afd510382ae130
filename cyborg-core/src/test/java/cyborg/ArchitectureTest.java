package cyborg;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import cyborg.model.fixture.BackArrow;
import cyborg.train.TrainConfig;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * The library's layering: data flows one way, data → model → loss → train → score / saliency →
 * eval / explain → report, with shared infrastructure below everything. A package may use its
 * own layer's package and the layers below, never a layer above or a sibling of its own layer.
 */
class ArchitectureTest {
    /** Bottom to top; packages on one line are siblings that must not use each other. */
    static final List<List<String>> LAYERS = List.of(
            List.of("util"),
            List.of("io"),
            List.of("chart", "image"), // chart draws numbers and knows no domain type
            List.of("data", "synth"),
            List.of("nn"),
            List.of("model"),
            List.of("metrics"),
            List.of("loss"),
            List.of("train"),
            List.of("score", "saliency"),
            List.of("eval", "explain"),
            List.of("demo", "bench"));

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cyborg");

    /** For each package, a rule that it uses no package of its own layer or above but itself. */
    static ArchRule oneWayFlow() {
        List<ArchRule> rules = new ArrayList<>();
        for (int layer = 0; layer < LAYERS.size(); layer++) {
            for (String pkg : LAYERS.get(layer)) {
                List<String> forbidden = new ArrayList<>();
                for (int above = layer; above < LAYERS.size(); above++) {
                    for (String other : LAYERS.get(above)) {
                        if (!other.equals(pkg)) {
                            forbidden.add("cyborg." + other + "..");
                        }
                    }
                }
                if (!forbidden.isEmpty()) {
                    rules.add(noClasses().that().resideInAPackage("cyborg." + pkg + "..")
                            .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                            .because("data flows one way: " + pkg + " may use only the layers below it")
                            .allowEmptyShould(true)); // the back-arrow check imports two classes only
                }
            }
        }
        return CompositeArchRule.of(rules);
    }

    @Test
    void everyPackageIsInALayer() {
        List<String> unplaced = PRODUCTION.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("cyborg."))
                .map(p -> p.substring("cyborg.".length()).split("\\.")[0])
                .distinct()
                .filter(p -> LAYERS.stream().noneMatch(l -> l.contains(p)))
                .toList();
        assertTrue(unplaced.isEmpty(), "packages missing from LAYERS: " + unplaced);
    }

    @Test
    void dataFlowsOneWay() {
        oneWayFlow().check(PRODUCTION);
    }

    @Test
    void noPackageCycles() {
        slices().matching("cyborg.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void theRulesCatchABackArrow() {
        JavaClasses withBackArrow = new ClassFileImporter().importClasses(BackArrow.class, TrainConfig.class);
        assertTrue(oneWayFlow().evaluate(withBackArrow).hasViolation(),
                "a model class using the training layer must violate the layering");
    }
}
