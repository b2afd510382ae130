package cyborg.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** Sends a request exactly as written (no client-side path normalisation or framing) and reads the whole answer. */
final class RawHttp {
    private RawHttp() {
    }

    static String get(int port, String rawPath) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * POSTs {@code body} with chunked transfer encoding (no Content-Length, so a server cannot know
     * its size before reading it), in chunks of {@code chunk} bytes, and returns the answer. The
     * server may answer and close before the whole body is sent: what it answered is returned.
     */
    static String postChunked(int port, String path, String contentType, String extraHeaders, byte[] body,
            int chunk) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\nContent-Type: "
                    + contentType + "\r\n" + extraHeaders + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                for (int at = 0; at < body.length; at += chunk) {
                    int n = Math.min(chunk, body.length - at);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, at, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException e) {
                // the server answered and closed before reading the rest: read its answer below
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    answer.write(buf, 0, n);
                }
            } catch (SocketException e) {
                // reset after the answer: keep what arrived
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** The status code of a raw answer ("HTTP/1.1 413 Payload Too Large" gives 413), -1 if none arrived. */
    static int status(String answer) {
        String[] parts = answer.split(" ", 3);
        return answer.startsWith("HTTP/") && parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }

    /** The body of a raw answer (after the blank line), de-chunked if it was sent chunked. */
    static String body(String answer) {
        int at = answer.indexOf("\r\n\r\n");
        if (at < 0) {
            return "";
        }
        String head = answer.substring(0, at).toLowerCase(java.util.Locale.ROOT);
        String rest = answer.substring(at + 4);
        if (!head.contains("transfer-encoding: chunked")) {
            return rest;
        }
        StringBuilder b = new StringBuilder();
        while (true) {
            int eol = rest.indexOf("\r\n");
            if (eol < 0) {
                return b.toString();
            }
            int n = Integer.parseInt(rest.substring(0, eol).trim(), 16);
            if (n == 0) {
                return b.toString();
            }
            b.append(rest, eol + 2, eol + 2 + n);
            rest = rest.substring(eol + 2 + n + 2);
        }
    }

    /** The value of header {@code name} in a raw answer, or null. */
    static String header(String answer, String name) {
        int end = answer.indexOf("\r\n\r\n");
        for (String line : answer.substring(0, end < 0 ? answer.length() : end).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
