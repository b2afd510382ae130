package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The command line's class path holds two Jettys on one Servlet API: Javalin's Jetty 12 (serve,
 * annotate) needs Servlet 6, Spark's Jetty 11 (spark score, sweep) was built on Servlet 5. With
 * spark-sql's 5.0.0 chosen, every request of serve and annotate failed (NoClassDefFoundError:
 * jakarta/servlet/ServletConnection); with 6.0.0 alone, no SparkContext started
 * (NoClassDefFoundError: jakarta/servlet/SingleThreadModel). Each test sends a request through the
 * class path that {@code ./cyborg} runs (this module's runtime jars).
 */
class SharedServletApiTest {
    private static int get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void jetty12AnswersOnTheLaunchersClassPathNotServletConnectionError() throws Exception {
        Javalin app = Javalin.create(cfg -> cfg.routes.get("/", ctx -> ctx.result("ok"))).start("127.0.0.1", 0);
        try {
            assertEquals(200, get("http://127.0.0.1:" + app.port() + "/"));
        } finally {
            app.stop();
        }
    }

    @Test
    void sparkStartsWithItsUiOnTheLaunchersClassPathNotSingleThreadModelError() throws Exception {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("servlet-api")
                .config("spark.ui.enabled", "true").config("spark.ui.port", "0")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        try {
            assertEquals(3, spark.range(3).count());
            String ui = spark.sparkContext().uiWebUrl().get();
            assertEquals(200, get(ui + "/jobs/"));
        } finally {
            spark.stop();
        }
    }
}
