package cyborg.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class ClustersTest {
    @Test
    void aLocalSessionRunsTasksOnTwoCoresWithoutAWebUi() throws Exception {
        try (SparkSession spark = Clusters.start("clusters-test", "local[2]", Map.of())) {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            assertEquals(2, sc.defaultParallelism());
            assertEquals("false", sc.getConf().get("spark.ui.enabled"));
            List<Integer> squares = sc.parallelize(List.of(1, 2, 3, 4), 2).map(i -> i * i).collect();
            assertEquals(List.of(1, 4, 9, 16), squares);
        }
    }

    @Test
    void recognisesLocalMasters() {
        assertTrue(Clusters.isLocal("local[*]"));
        assertTrue(Clusters.isLocal("local"));
        assertFalse(Clusters.isLocal("spark://host:7077"));
        assertFalse(Clusters.isLocal("yarn"));
        assertTrue(Clusters.isLocal("local[2,3]"));
        assertFalse(Clusters.isLocal("local-cluster[2,1,1024]")); // executors in their own JVMs
    }
}
