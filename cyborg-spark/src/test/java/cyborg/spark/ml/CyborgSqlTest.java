package cyborg.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.spark.Clusters;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code cyborg_score(content)} from Spark SQL on local[2] against {@code cyborg score}'s code path. */
class CyborgSqlTest {
    static SparkSession spark;
    static OpenSet data;

    @BeforeAll
    static void setUp() {
        data = OpenSet.get();
        spark = Clusters.start("cyborg-sql-test", "local[2]", Map.of());
        CyborgSql.register(spark, "cyborg_score", data.model.toString());
        // the table from SQL too: every PNG under the folder, at any depth (its README.txt is left out)
        spark.sql("CREATE TEMPORARY VIEW images USING binaryFile OPTIONS (path '" + data.folder
                + "', pathGlobFilter '*.png', recursiveFileLookup 'true')");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void scoresABinaryFileTableAsCyborgScoreWithTheCorruptImageAsAnErrorRow() {
        List<Row> rows = spark.sql("SELECT path, r.score, r.label, r.error.reason, r.error.message"
                + " FROM (SELECT path, cyborg_score(content) AS r FROM images) ORDER BY path").collectAsList();
        assertEquals(data.images.size() + 1, rows.size());
        int ok = 0;
        for (Row r : rows) {
            Path path = OpenSet.local(r.getString(0));
            if (path.equals(data.corrupt.toAbsolutePath().normalize())) {
                assertTrue(r.isNullAt(1) && r.isNullAt(2), "no score for a corrupt image: " + r);
                assertEquals("bad_image", r.getString(3));
                assertTrue(r.getString(4).startsWith("cyborg_score("), r.getString(4));
                continue;
            }
            Float expected = data.expected.get(path);
            assertNotNull(expected, "not an open-set image: " + path);
            assertTrue(r.isNullAt(3), path + ": " + r);
            assertEquals(expected, r.getFloat(1), 1e-6, path.toString());
            assertEquals(r.getFloat(1) > 0.5f ? "Synthetic" : "Real", r.getString(2));
            ok++;
        }
        assertEquals(data.images.size(), ok);
    }

    @Test
    void sqlAggregatesOverTheFunction() {
        Row counts = spark.sql("SELECT count(r.score) AS scored, count(r.error) AS failed,"
                + " sum(CASE WHEN r.label = 'Synthetic' THEN 1 ELSE 0 END) AS synthetic"
                + " FROM (SELECT cyborg_score(content) AS r FROM images)").first();
        assertEquals(data.images.size(), counts.getLong(0));
        assertEquals(1, counts.getLong(1));
        long synthetic = data.expected.values().stream().filter(s -> s > 0.5f).count();
        assertEquals(synthetic, counts.getLong(2));
    }

    @Test
    void registeringAMissingModelFailsNamingIt() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> CyborgSql.register(spark, "nothing", data.root.resolve("no-model").toString()));
        assertTrue(e.getMessage().contains("no-model"), e.getMessage());
    }
}
