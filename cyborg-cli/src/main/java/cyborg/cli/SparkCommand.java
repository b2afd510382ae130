package cyborg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cyborg spark}: the commands that run as Spark jobs. */
@Command(name = "spark", mixinStandardHelpOptions = true,
        subcommands = {SparkScoreCommand.class},
        description = {
            "Run cyborg as a Spark job: in-process on local cores (--master local[N]), or on a cluster.",
            "",
            "A local master needs no installation: Spark runs inside the cyborg command. For a cluster, build the"
                + " application jar (mvn -DskipTests package: cyborg-spark-app/target/cyborg-spark-app.jar, with the"
                + " PyTorch CPU natives inside) and submit it:",
            "  spark-submit --master yarn --class cyborg.cli.CyborgCommand \\",
            "      cyborg-spark-app.jar spark score --model runs/cyborg \\",
            "      --list hdfs:///lists/faces.txt --out hdfs:///scored/run1",
            "(tools/spark/spark-submit runs spark-submit from Maven's Spark jars when no Spark is installed.)",
            "See docs/spark.md: the --add-opens flags, scaling measured and projected."
        })
final class SparkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
