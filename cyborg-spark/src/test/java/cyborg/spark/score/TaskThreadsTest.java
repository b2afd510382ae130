package cyborg.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class TaskThreadsTest {
    @Test
    void localMastersSplitTheCoresBetweenTheirTaskSlots() {
        assertEquals(1, SparkScore.localSlots("local", 8));
        assertEquals(2, SparkScore.localSlots("local[2]", 8));
        assertEquals(8, SparkScore.localSlots("local[*]", 8));
        assertEquals(3, SparkScore.localSlots("local[3,2]", 8));
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, SparkScore.threadsPerTask(new SparkConf(false).set("spark.master", "local[1]")));
        assertEquals(Math.max(1, cores / 2), SparkScore.threadsPerTask(new SparkConf(false).set("spark.master", "local[2]")));
        assertEquals(1, SparkScore.threadsPerTask(new SparkConf(false).set("spark.master", "local[*]")));
    }

    @Test
    void onAClusterEachTaskGetsItsTaskCpus() {
        assertEquals(1, SparkScore.threadsPerTask(new SparkConf(false).set("spark.master", "yarn")));
        assertEquals(4, SparkScore.threadsPerTask(new SparkConf(false).set("spark.master", "spark://h:7077")
                .set("spark.task.cpus", "4")));
    }

    @Test
    void defaultPartitionsAreOnePerCoreAndAtMost256ImagesEach() {
        assertEquals(2, SparkScore.defaultPartitions(500, 2));
        assertEquals(3, SparkScore.defaultPartitions(600, 2));
        assertEquals(4, SparkScore.defaultPartitions(1000, 2));
        assertEquals(8, SparkScore.defaultPartitions(100, 8));
    }

    @Test
    void transformNamesBecomeDistinctColumnNames() {
        assertEquals("flip_lr", ImageMeasurer.column("flip-lr"));
        assertEquals("shift_p2_m2", ImageMeasurer.column("shift+2-2"));
        assertEquals("shift_m2_p2", ImageMeasurer.column("shift-2+2"));
    }
}
