package cyborg.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** SqlJob's arguments (the job itself runs under spark-submit in cyborg-spark-app's SparkSubmitTest). */
class SqlJobTest {
    @Test
    void optionsArePairsWithTheRequiredOnesPresent() {
        assertEquals(Map.of("--model", "m", "--images", "i", "--sql", "SELECT 1", "--out", "o"),
                SqlJob.options(new String[] {"--model", "m", "--images", "i", "--sql", "SELECT 1", "--out", "o"}));
        assertEquals("missing --sql, --out", assertThrows(IllegalArgumentException.class,
                () -> SqlJob.options(new String[] {"--model", "m", "--images", "i"})).getMessage());
        assertEquals("unknown option '--table'", assertThrows(IllegalArgumentException.class,
                () -> SqlJob.options(new String[] {"--table", "t"})).getMessage());
        assertEquals("--out needs a value", assertThrows(IllegalArgumentException.class,
                () -> SqlJob.options(new String[] {"--model", "m", "--out"})).getMessage());
    }
}
