package cyborg.cli;

import picocli.CommandLine.Option;

import java.util.concurrent.CountDownLatch;

/**
 * Where an HTTP command listens and who may call it, and how it runs until stopped: shared by
 * {@code serve} and {@code annotate}.
 */
final class ListenOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0: every interface).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0: a free one).")
    int port;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Require 'Authorization: Bearer TOKEN' on /api/* (serve: also on /metrics) (default: the"
                    + " environment variable CYBORG_TOKEN; unset: open).")
    String token;

    /** The bearer token: --token, else CYBORG_TOKEN, else null (open). */
    String token() {
        return token != null ? token : System.getenv("CYBORG_TOKEN");
    }

    /** The address to show a user: a server on every interface is reachable on this machine's loopback. */
    String url(int boundPort) {
        return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + boundPort + "/";
    }

    /**
     * Prints {@code ready}, then blocks until the JVM is told to stop (Ctrl-C, SIGTERM), when
     * {@code close} runs (it answers what is in flight first) before the process exits.
     */
    static void runUntilStopped(String name, String ready, Runnable close) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close.run();
            stopped.countDown();
        }, name + "-shutdown"));
        System.out.println(ready);
        System.out.flush();
        stopped.await();
    }
}
