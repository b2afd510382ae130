package cyborg.sparkapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import cyborg.model.Architecture;
import cyborg.model.CamNetwork;
import cyborg.model.CamTarget;
import cyborg.model.LoadedModel;
import cyborg.model.ModelInfo;
import cyborg.model.SavedModel;
import cyborg.score.ScoreFile;
import cyborg.score.Scorer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * spark-submit of the shaded application jar, as a cluster runs it: org.apache.spark.deploy.SparkSubmit
 * (what the spark-submit script starts) on a class path of Spark's jars alone, so that cyborg, DJL
 * and the PyTorch natives can only come from the application jar; with a fresh, empty DJL cache and
 * DJL offline, the natives must be unpacked from the jar; the model goes to the executors with the
 * job, as on a cluster.
 */
class SparkSubmitTest {
    /** What spark-submit passes its JVMs on Java 17 (org.apache.spark.launcher.JavaModuleOptions). */
    static final List<String> ADD_OPENS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    @TempDir
    Path dir;

    @Test
    void shadedJarHoldsThisBuildsClasses() throws IOException {
        Path jar = Path.of(System.getProperty("cyborg.app.jar"));
        for (String entry : List.of("cyborg/cli/SparkScoreCommand.class", "cyborg/spark/score/SparkScore.class",
                "cyborg/score/Scorer.class", "cyborg/spark/ml/CyborgScorer.class", "cyborg/spark/ml/SqlJob.class")) {
            byte[] built;
            try (var in = SparkSubmitTest.class.getClassLoader().getResourceAsStream(entry)) {
                built = in.readAllBytes();
            }
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                var e = zip.getEntry(entry);
                assertTrue(e != null, entry + " missing from " + jar);
                try (var in = zip.getInputStream(e)) {
                    assertTrue(java.util.Arrays.equals(built, in.readAllBytes()), entry + " in " + jar + " differs from "
                            + SparkSubmitTest.class.getClassLoader().getResource(entry) + ": stale");
                }
            }
        }
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            assertTrue(zip.getEntry("pytorch/cpu/linux-x86_64/libtorch_cpu.so") != null
                    || zip.stream().anyMatch(e -> e.getName().matches("pytorch/cpu/[^/]+/.*torch_cpu.*")),
                    "no PyTorch CPU natives in " + jar);
            assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("org/apache/spark/")
                    || e.getName().startsWith("scala/") || e.getName().startsWith("org/apache/hadoop/")),
                    "Spark, Scala or Hadoop classes in " + jar);
        }
    }

    /** A random smallresnet, 6 images and their split CSV in {@code dir}; returns cyborg score's file of them. */
    List<String> fixture() throws IOException {
        Path model = dir.resolve("model");
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = Architecture.SMALLRESNET.create(m, 5);
            SavedModel.save(model, net, ModelInfo.of(Architecture.SMALLRESNET, 32, SavedModel.camSize(net, m, 32)));
        }
        Path images = dir.resolve("images");
        Random rng = new Random(9);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String rel = "/" + (i % 2 == 0 ? "real/ffhq" : "synthetic/sg2") + "/" + i + ".png";
            byte[] px = new byte[32 * 32 * 3];
            rng.nextBytes(px);
            ImageFiles.writePng(new RgbImage(32, 32, px), Path.of(images + rel));
            rows.add("test," + (i % 2 == 0 ? "Real" : "Synthetic") + "," + rel);
        }
        Path csv = dir.resolve("split.csv");
        Files.write(csv, rows);
        List<Sample> samples = SplitCsv.read(csv, images, SkipReport.failFast());
        Path expected = dir.resolve("expected.csv");
        try (Scorer scorer = new Scorer(LoadedModel.open(model))) {
            ScoreFile.write(expected, scorer.score(samples, 8, null, CamTarget.PREDICTED, SkipReport.failFast(), null));
        }
        return Files.readAllLines(expected);
    }

    /**
     * Runs SparkSubmit (spark-submit's main class) on Spark's jars alone with {@code sparkOptions},
     * then the application jar with {@code spark score} of the fixture into {@code out} and the
     * further options {@code more}; returns what it printed and logged, after checking that it succeeded.
     */
    String submit(List<String> sparkOptions, Map<String, String> env, Path out, String... more) throws Exception {
        List<String> app = new ArrayList<>(List.of("cyborg.cli.CyborgCommand", "spark", "score", "--model",
                dir.resolve("model").toString(), "--csv", dir.resolve("split.csv").toString(), "--images",
                dir.resolve("images").toString(), "--out", out.toString()));
        app.addAll(List.of(more));
        String output = run(sparkOptions, env, out, app);
        assertTrue(output.contains("scored 6 images, 0 errors"), output);
        return output;
    }

    /**
     * Runs SparkSubmit on Spark's jars alone with {@code sparkOptions}, then the application jar's class
     * {@code app[0]} with the arguments {@code app[1..]}; returns what it printed and logged, after
     * checking that it succeeded.
     */
    String run(List<String> sparkOptions, Map<String, String> env, Path out, List<String> app) throws Exception {
        Path jar = Path.of(System.getProperty("cyborg.app.jar"));
        String sparkClassPath = Files.readString(Path.of(System.getProperty("cyborg.spark.classpath"))).strip();
        assertTrue(Files.isRegularFile(jar), jar + " not built");
        assertTrue(!sparkClassPath.contains("cyborg-") && !sparkClassPath.contains("/ai/djl/"), sparkClassPath);
        // cyborg's summary (stdout) apart from Spark's log (stderr): merged, a log line could land inside it
        Path printed = dir.resolve("spark-submit-" + out.getFileName() + ".out");
        Path log = dir.resolve("spark-submit-" + out.getFileName() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ADD_OPENS);
        command.addAll(List.of("-Xmx2g", "-Dai.djl.offline=true", "-DDJL_CACHE_DIR=" + dir.resolve("djl-cache"),
                "-cp", sparkClassPath, "org.apache.spark.deploy.SparkSubmit"));
        command.addAll(sparkOptions);
        command.addAll(List.of("--conf", "spark.ui.enabled=false", "--class", app.get(0), jar.toString()));
        command.addAll(app.subList(1, app.size()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(printed.toFile()).redirectError(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "spark-submit did not finish");
        String summary = Files.readString(printed);
        String output = summary + Files.readString(log);
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    /**
     * The SQL function through spark-submit of the shaded jar (SqlJob: a binaryFile view and a query),
     * on Spark's class path alone: every image gets cyborg score's score, the truncated one an error row.
     */
    @Test
    void theSqlFunctionUnderSparkSubmitScoresABinaryFileViewWithAnErrorRow() throws Exception {
        List<String> expected = fixture();
        Path broken = dir.resolve("images/real/ffhq/broken.png");
        byte[] whole = Files.readAllBytes(dir.resolve("images/real/ffhq/0.png"));
        Files.write(broken, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path out = dir.resolve("out-sql");
        String output = run(List.of("--master", "local[2]"), Map.of(), out, List.of("cyborg.spark.ml.SqlJob",
                "--model", dir.resolve("model").toString(), "--images", dir.resolve("images").toString(),
                "--glob", "*.png", "--out", out.toString(), "--sql", "SELECT path, r.score, r.label,"
                        + " r.error.reason AS reason, r.error.message AS message"
                        + " FROM (SELECT path, cyborg_score(content) AS r FROM images)"));
        assertScoredWithOneBadRow(readRows(out), expected, broken, output);
        try (var files = Files.walk(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".crc")), "checksum files left");
        }
    }

    /**
     * The Transformer in a user's program through spark-submit of the shaded jar: {@link TransformerJob} in a
     * jar of its own ({@code --jars}), CyborgScorer from the application jar, Spark ML from Spark's class path.
     * Every image gets cyborg score's score, the truncated one an error row.
     */
    @Test
    void theTransformerInAProgramUnderSparkSubmitScoresABinaryFileDataFrameWithAnErrorRow() throws Exception {
        List<String> expected = fixture();
        Path broken = dir.resolve("images/real/ffhq/broken-t.png");
        byte[] whole = Files.readAllBytes(dir.resolve("images/real/ffhq/0.png"));
        Files.write(broken, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path program = dir.resolve("transformer-job.jar");
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(program))) {
            String entry = TransformerJob.class.getName().replace('.', '/') + ".class";
            jar.putNextEntry(new java.util.jar.JarEntry(entry));
            try (var in = TransformerJob.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(jar);
            }
            jar.closeEntry();
        }
        Path out = dir.resolve("out-transformer");
        String output = run(List.of("--master", "local[2]", "--jars", program.toString()), Map.of(), out,
                List.of(TransformerJob.class.getName(), dir.resolve("model").toString(), dir.resolve("images").toString(),
                        out.toString()));
        assertScoredWithOneBadRow(readRows(out), expected, broken, output);
    }

    /** The rows of the parquet part files in {@code out}, by path, read with Parquet's own reader (not Spark's). */
    private static java.util.Map<String, Group> readRows(Path out) throws IOException {
        java.util.Map<String, Group> rows = new java.util.TreeMap<>();
        try (var files = Files.list(out)) {
            for (Path part : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                        new org.apache.hadoop.fs.Path(part.toUri())).build()) {
                    for (Group row = reader.read(); row != null; row = reader.read()) {
                        rows.put(row.getString("path", 0), row);
                    }
                }
            }
        }
        return rows;
    }

    /** Every fixture image with cyborg score's score ({@code expected}: path,score lines) and {@code broken} an error row. */
    private static void assertScoredWithOneBadRow(java.util.Map<String, Group> rows, List<String> expected, Path broken,
            String output) {
        assertEquals(expected.size() + 1, rows.size(), output);
        for (String w : expected) {
            String path = w.substring(0, w.lastIndexOf(','));
            Group row = rows.get("file:" + Path.of(path).toAbsolutePath().normalize());
            assertTrue(row != null, path + " not in " + rows.keySet());
            assertEquals(Double.parseDouble(w.substring(w.lastIndexOf(',') + 1)), row.getFloat("score", 0), 1e-6, w);
            assertEquals(0, row.getFieldRepetitionCount("reason"), row.toString());
        }
        Group bad = rows.get("file:" + broken.toAbsolutePath().normalize());
        assertEquals(0, bad.getFieldRepetitionCount("score"), bad.toString());
        assertEquals("bad_image", bad.getString("reason", 0));
    }

    /** Spark's jars, as cyborg-spark-classpath resolved them, one path each. */
    static List<String> sparkJars() throws IOException {
        return List.of(Files.readString(Path.of(System.getProperty("cyborg.spark.classpath"))).strip().split(":"));
    }

    /**
     * Spark's class path keeps Spark's own snappy-java: it was once cut from this module's class path with a
     * group filter, which matches by prefix, so excluding {@code org.xerial} (sqlite-jdbc) also dropped
     * {@code org.xerial.snappy}, and parquet output died under spark-submit.
     */
    @Test
    void sparkClassPathKeepsSnappyJavaThatAGroupPrefixFilterDropped() throws IOException {
        assertTrue(sparkJars().stream().anyMatch(j -> Path.of(j).getFileName().toString().startsWith("snappy-java-")),
                "no snappy-java in " + System.getProperty("cyborg.spark.classpath"));
    }

    /** The Spark of the spark-submit test is the Spark cyborg is built against (two poms name its version). */
    @Test
    void sparkClassPathIsTheSparkCyborgBuildsAgainst() throws IOException {
        String core = "spark-core_2.13-" + System.getProperty("cyborg.spark.version") + ".jar";
        assertTrue(sparkJars().stream().anyMatch(j -> Path.of(j).getFileName().toString().equals(core)),
                core + " not in " + System.getProperty("cyborg.spark.classpath")
                        + ": cyborg-spark-classpath/pom.xml and the root pom name different Spark versions");
    }

    /**
     * spark score's default output, parquet (snappy-compressed), through spark-submit of the shaded jar:
     * with snappy-java missing from Spark's class path the job scored every image and then died writing
     * the table (NoClassDefFoundError: org/xerial/snappy/Snappy). The rows are read back with Parquet's
     * own reader (not a SparkSession: this JVM also holds Jetty 12's Servlet 6, on which Spark's Jetty
     * 11 cannot start).
     */
    @Test
    void defaultParquetOutputUnderSparkSubmitDoesNotDieForWantOfSnappy() throws Exception {
        List<String> expected = fixture();
        Path out = dir.resolve("out-parquet");
        String output = submit(List.of("--master", "local[2]"), Map.of(), out);
        Path scores = out.resolve("scores.parquet");
        assertTrue(Files.isDirectory(scores), output);
        // a folder of part files written by the tasks, no checksum files beside them
        List<Path> parts;
        try (var files = Files.list(scores)) {
            parts = files.filter(p -> !p.getFileName().toString().startsWith("_")).sorted().toList();
        }
        assertTrue(parts.size() >= 2 && parts.stream().allMatch(p -> p.getFileName().toString().startsWith("part-")
                && p.getFileName().toString().endsWith(".snappy.parquet")), parts.toString());
        java.util.Map<String, String> byPath = new java.util.TreeMap<>();
        for (Path part : parts) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                    new org.apache.hadoop.fs.Path(part.toUri())).build()) {
                for (Group row = reader.read(); row != null; row = reader.read()) {
                    byPath.put(row.getString("path", 0), row.getString("path", 0) + "," + row.getFloat("score", 0));
                }
            }
        }
        List<String> want = new ArrayList<>(expected);
        want.sort(java.util.Comparator.comparing(w -> w.substring(0, w.lastIndexOf(','))));
        assertSameScores(want, new ArrayList<>(byPath.values()), output);
    }

    static void assertSameScores(List<String> want, List<String> got, String output) {
        assertEquals(want.size(), got.size(), output);
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            String g = got.get(i);
            assertEquals(w.substring(0, w.lastIndexOf(',')), g.substring(0, g.lastIndexOf(',')));
            assertEquals(Double.parseDouble(w.substring(w.lastIndexOf(',') + 1)),
                    Double.parseDouble(g.substring(g.lastIndexOf(',') + 1)), 1e-6, w);
        }
    }

    @Test
    void submittedShadedJarWritesCyborgScoresFile() throws Exception {
        List<String> expected = fixture();
        Path out = dir.resolve("out");
        String output = submit(List.of("--master", "local[2]"), Map.of(), out, "--format", "csv", "--ship-model", "always");
        assertSameScores(expected, Files.readAllLines(out.resolve("scores.csv")), output);
        assertTrue(Files.isDirectory(dir.resolve("djl-cache")), "the natives were not unpacked from the jar");
    }

    /**
     * The same on a standalone cluster in miniature: local-cluster[2,1,1024] starts a master, a
     * worker and two executor JVMs of one core, launched as a standalone worker launches them, from
     * a Spark home whose jars/ holds Spark's jars alone. The executors get the application jar and
     * the model's files from the driver, and unpack the natives into their own empty DJL cache.
     */
    @Test
    void onAMiniatureStandaloneClusterExecutorsGetTheJarAndTheModelFromTheJob() throws Exception {
        List<String> expected = fixture();
        Path sparkHome = dir.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars"));
        for (String jar : Files.readString(Path.of(System.getProperty("cyborg.spark.classpath"))).strip().split(":")) {
            Path p = Path.of(jar);
            Files.createSymbolicLink(sparkHome.resolve("jars").resolve(p.getFileName()), p);
        }
        Path executorCache = dir.resolve("executor-djl-cache");
        Path out = dir.resolve("out-cluster");
        String output = submit(List.of("--master", "local-cluster[2,1,1024]", "--conf", "spark.executor.memory=768m",
                "--conf", "spark.executor.extraJavaOptions=-DDJL_CACHE_DIR=" + executorCache),
                Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13"), out, "--format", "csv");
        assertSameScores(expected, Files.readAllLines(out.resolve("scores.csv")), output);
        assertTrue(Files.isDirectory(executorCache.resolve("pytorch")), "the executors did not unpack the natives:\n"
                + output);
    }
}
