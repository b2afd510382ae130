package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher runs Spark in its own JVM for local masters, so it must open every package Spark
 * asks spark-submit to open on Java 17; a Spark upgrade that needs one more fails here, not at a
 * user's first {@code cyborg spark score}.
 */
class LauncherSparkOptionsTest {
    @Test
    void theLauncherOpensEveryPackageSparkOpens() throws Exception {
        String launcher = Files.readString(Path.of("..", "cyborg"));
        List<String> missing = Arrays.stream(JavaModuleOptions.defaultModuleOptionArray())
                .filter(o -> o.startsWith("--add-opens="))
                .filter(o -> !launcher.contains(o))
                .toList();
        assertEquals(List.of(), missing, "add these to SPARK_JAVA_OPTIONS in ./cyborg");
    }
}
