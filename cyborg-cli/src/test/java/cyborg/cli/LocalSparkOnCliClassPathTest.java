package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cyborg.spark.Clusters;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * cyborg-cli's class path holds the Servlet 6 API that {@code cyborg serve} needs; Spark's metrics
 * servlet sink asks for Servlet 5's {@code SingleThreadModel}, so every in-process job
 * ({@code cyborg spark score}, {@code cyborg sweep}) failed at start with NoClassDefFoundError
 * until local jobs used {@link cyborg.spark.NoMetricsServlet}.
 */
class LocalSparkOnCliClassPathTest {
    @Test
    void aLocalSessionStartsBesideTheServlet6Api() {
        SparkSession spark = Clusters.start("servlet-6", "local[1]", Map.of());
        try {
            assertEquals(3L, spark.range(3).count());
        } finally {
            spark.stop();
        }
    }
}
