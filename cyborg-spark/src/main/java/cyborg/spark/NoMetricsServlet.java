package cyborg.spark;

import com.codahale.metrics.MetricRegistry;
import org.apache.spark.SparkConf;
import org.apache.spark.metrics.sink.MetricsServlet;
import org.sparkproject.jetty.servlet.ServletContextHandler;

import java.util.Properties;

/**
 * Spark's metrics servlet sink without its servlet, for local jobs, which run without a web UI.
 * Spark always builds the default sink's servlet handler, and its Jetty asks for Servlet 5's
 * {@code jakarta.servlet.SingleThreadModel}, which the Servlet 6 API that {@code cyborg serve}
 * needs on the same class path (cyborg-cli's) no longer has: every in-process job failed at start
 * with {@code NoClassDefFoundError}. Nothing would serve the handler anyway.
 */
public final class NoMetricsServlet extends MetricsServlet {
    /** The constructor Spark's metrics system calls. */
    public NoMetricsServlet(Properties property, MetricRegistry registry) {
        super(property, registry);
    }

    @Override
    public ServletContextHandler[] getHandlers(SparkConf conf) {
        return new ServletContextHandler[0];
    }
}
