package jakarta.servlet;

/**
 * Servlet 5's marker interface, removed in Servlet 6. This class path joins two Jettys: Javalin's
 * Jetty 12 (ee10), which needs Servlet 6 (jakarta.servlet-api 6.0.0, pinned in the root pom), and
 * Spark 4.1's Jetty 11 (shaded as org.sparkproject.jetty), whose ServletHolder tests every servlet
 * against this interface, so that without it no SparkContext starts in the command line's JVM
 * (NoClassDefFoundError: jakarta/servlet/SingleThreadModel, from Spark's metrics servlet, UI or
 * not). Nothing implements it; Servlet 5's is the same empty interface. Where a cluster's Spark
 * brings Servlet 5, its own copy comes first on the class path.
 */
@Deprecated
public interface SingleThreadModel {}
