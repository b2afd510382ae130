package cyborg.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import cyborg.web.fixture.UsesCli;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The modules' layering, seen from the top, where every module's classes are on the class path:
 * cyborg-core at the bottom (its own layering: core's ArchitectureTest), cyborg-web and cyborg-spark
 * each on core alone (each module's ModuleLayeringTest), the command line on top of them all, and
 * nothing but the command line using it.
 */
class ModuleLayeringTest {
    /** This module's classes: its build output, without its tests. */
    private static final JavaClasses OWN = new ClassFileImporter()
            .importUrl(CyborgCommand.class.getProtectionDomain().getCodeSource().getLocation());
    /** Every module's classes, without tests. */
    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cyborg");

    static ArchRule layering() {
        return CompositeArchRule.of(List.of(
                noClasses().that().resideOutsideOfPackage("cyborg.cli..")
                        .should().dependOnClassesThat().resideInAPackage("cyborg.cli..")
                        .because("the command line is the top: nothing else uses it")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage("cyborg.web..")
                        .should().dependOnClassesThat().resideInAPackage("cyborg.spark..")
                        .because("cyborg-web stands on cyborg-core alone")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage("cyborg.spark..")
                        .should().dependOnClassesThat().resideInAPackage("cyborg.web..")
                        .because("cyborg-spark stands on cyborg-core alone")
                        .allowEmptyShould(true))); // the fixture check imports two classes only
    }

    /** Save Servlet 5's SingleThreadModel, which Spark's Jetty needs beside Servlet 6 (see its comment). */
    @Test
    void classesLiveUnderCyborgCli() {
        classes().that().doNotHaveFullyQualifiedName("jakarta.servlet.SingleThreadModel")
                .should().resideInAPackage("cyborg.cli..").check(OWN);
    }

    /** Else the rules below would pass on nothing (they allow an empty import, for the fixture check). */
    @Test
    void everyModuleIsImported() {
        for (String pkg : List.of("cyborg.data", "cyborg.web", "cyborg.spark", "cyborg.cli")) {
            assertTrue(ALL.containPackage(pkg), pkg + " not imported");
        }
    }

    @Test
    void modulesAreLayered() {
        layering().check(ALL);
    }

    @Test
    void theRulesCatchAWebClassUsingTheCommandLine() {
        JavaClasses withCli = new ClassFileImporter().importClasses(UsesCli.class, CyborgCommand.class);
        assertTrue(layering().evaluate(withCli).hasViolation(), "a web class using cyborg.cli must violate");
    }
}
