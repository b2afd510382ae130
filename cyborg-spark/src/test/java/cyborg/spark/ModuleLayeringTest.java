package cyborg.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import cyborg.spark.fixture.UsesWeb;
import cyborg.web.fixture.WebStandIn;

import org.junit.jupiter.api.Test;

/**
 * cyborg-spark among the modules: it stands on cyborg-core alone. It uses neither cyborg-web (built
 * beside it) nor the command line (built on top of it), and its classes live under
 * {@code cyborg.spark}, so they reach core through core's public types only: a class put into one of
 * core's packages would see their package-private parts, outside core's layering rules.
 */
class ModuleLayeringTest {
    /** This module's classes: its build output, without its tests and without core's classes. */
    private static final JavaClasses OWN = new ClassFileImporter()
            .importUrl(Clusters.class.getProtectionDomain().getCodeSource().getLocation());

    static ArchRule overCoreAlone() {
        return noClasses().that().resideInAPackage("cyborg.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("cyborg.web..", "cyborg.cli..")
                .because("cyborg-spark stands on cyborg-core alone");
    }

    @Test
    void classesLiveUnderCyborgSpark() {
        classes().should().resideInAPackage("cyborg.spark..").check(OWN);
    }

    @Test
    void usesNeitherWebNorTheCommandLine() {
        overCoreAlone().check(OWN);
    }

    @Test
    void theRuleCatchesSparkUsingWeb() {
        JavaClasses withWeb = new ClassFileImporter().importClasses(UsesWeb.class, WebStandIn.class);
        assertTrue(overCoreAlone().evaluate(withWeb).hasViolation(), "a spark class using cyborg.web must violate");
    }
}
