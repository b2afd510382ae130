package cyborg.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cyborg.model.EngineThreads;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.util.Map;

class LocalThreadsTest {
    @Test
    void aLocalJobGivesTheJvmItsPyTorchThreadCountBack() throws Exception {
        int before = EngineThreads.get();
        int share = before == 1 ? 2 : 1;
        try (SparkSession spark = Clusters.start("local-threads-test", "local[1]", Map.of())) {
            try (LocalThreads kept = LocalThreads.keep(spark.sparkContext())) {
                EngineThreads.set(share); // what a task sets for itself
                assertEquals(share, EngineThreads.get());
            }
        }
        assertEquals(before, EngineThreads.get());
    }
}
