package cyborg.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import cyborg.spark.fixture.SparkStandIn;
import cyborg.web.fixture.UsesSpark;

import org.junit.jupiter.api.Test;

/**
 * cyborg-web among the modules: it stands on cyborg-core alone. It uses neither cyborg-spark (built
 * beside it) nor the command line (built on top of it), and its classes live under
 * {@code cyborg.web}, so they reach core through core's public types only: a class put into one of
 * core's packages would see their package-private parts, outside core's layering rules.
 */
class ModuleLayeringTest {
    /** This module's classes: its build output, without its tests and without core's classes. */
    private static final JavaClasses OWN = new ClassFileImporter()
            .importUrl(CyborgServer.class.getProtectionDomain().getCodeSource().getLocation());

    static ArchRule overCoreAlone() {
        return noClasses().that().resideInAPackage("cyborg.web..")
                .should().dependOnClassesThat().resideInAnyPackage("cyborg.spark..", "cyborg.cli..")
                .because("cyborg-web stands on cyborg-core alone");
    }

    @Test
    void classesLiveUnderCyborgWeb() {
        classes().should().resideInAPackage("cyborg.web..").check(OWN);
    }

    @Test
    void usesNeitherSparkNorTheCommandLine() {
        overCoreAlone().check(OWN);
    }

    @Test
    void theRuleCatchesWebUsingSpark() {
        JavaClasses withSpark = new ClassFileImporter().importClasses(UsesSpark.class, SparkStandIn.class);
        assertTrue(overCoreAlone().evaluate(withSpark).hasViolation(), "a web class using cyborg.spark must violate");
    }
}
