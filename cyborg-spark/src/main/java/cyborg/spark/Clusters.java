package cyborg.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.util.Locale;
import java.util.Map;

/**
 * Starts the Spark session of a cyborg job. A master given on the command line wins; without one,
 * a job started by {@code spark-submit} keeps the submitter's master, and a job started by the
 * {@code cyborg} command runs in-process on every local core ({@code local[*]}).
 */
public final class Clusters {
    /** The master when neither the command line nor spark-submit names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    private Clusters() {}

    /**
     * A session named {@code appName} on {@code master} (null: see the class comment), with
     * {@code settings} applied on top of cyborg's defaults.
     */
    public static SparkSession start(String appName, String master, Map<String, String> settings) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        if (isLocal(conf.get("spark.master"))) {
            // a local job is a command-line tool: no web UI port, no event log, few shuffle partitions
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.sql.shuffle.partitions", "4");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        settings.forEach(conf::set);
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /**
     * Whether {@code master} runs in this JVM ({@code local}, {@code local[N]}, {@code local[*]},
     * {@code local[N,F]}); {@code local-cluster[...]} starts executor JVMs like a cluster, so it is not.
     */
    public static boolean isLocal(String master) {
        return master.toLowerCase(Locale.ROOT).matches("local(\\[[^]]*])?");
    }
}
