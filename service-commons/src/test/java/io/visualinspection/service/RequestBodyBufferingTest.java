package io.visualinspection.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The body read ahead, over real HTTP on a Vert.x server: the route after it sees the request ended and the body
 * whole, as Quarkus REST then reads it from memory instead of waiting on the I/O thread.
 */
class RequestBodyBufferingTest {

    private static final long LIMIT = 1_000_000;
    private static RouterServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        server = RouterServer.start(router -> {
            router.route().order(RequestBodyBuffering.AFTER_QUARKUS_LIMIT)
                    .handler(ctx -> RequestBodyBuffering.read(ctx, LIMIT));
            // Answers what the next route found: whether the request had ended, and the body it was given.
            router.route().order(RequestBodyBuffering.AFTER_QUARKUS_LIMIT + 1).handler(ctx -> {
                Buffer body = ctx.body().buffer();
                ctx.response().end("ended=" + ctx.request().isEnded() + " bytes="
                        + (body == null ? "none" : body.length() + " crc=" + crc(body.getBytes())));
            });
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aBodyWithALengthArrivesWholeBeforeTheNextRoute() throws Exception {
        byte[] image = randomBytes(300_000); // arrives in many chunks
        HttpResponse<String> answer = CLIENT.send(post(HttpRequest.BodyPublishers.ofByteArray(image)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).isEqualTo("ended=true bytes=300000 crc=" + crc(image));
    }

    /** A body of unknown length is sent with chunked transfer encoding. */
    @Test
    void aChunkedBodyArrivesWholeToo() throws Exception {
        byte[] image = randomBytes(200_000);
        HttpResponse<String> answer = CLIENT.send(post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(image))), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).isEqualTo("ended=true bytes=200000 crc=" + crc(image));
    }

    /** Quarkus checks only a declared length; a chunked body is counted as it arrives. */
    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithAMessage() throws Exception {
        byte[] tooLarge = randomBytes((int) LIMIT + 100_000);
        HttpResponse<String> answer = CLIENT.send(post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(tooLarge))), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("sent in chunks")
                .contains("over the limit of 1000000 bytes (quarkus.http.limits.max-body-size)");
    }

    @Test
    void aChunkedBodyJustAtTheLimitIsTaken() throws Exception {
        byte[] atLimit = randomBytes((int) LIMIT);
        HttpResponse<String> answer = CLIENT.send(post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(atLimit))), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).isEqualTo("ended=true bytes=1000000 crc=" + crc(atLimit));
    }

    @Test
    void aRequestWithoutABodyPassesStraightOn() throws Exception {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(uri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).as("not waited for").isEqualTo("ended=false bytes=none");
    }

    /**
     * HTTP/2 requests are left to Quarkus REST, which refuses one already read to its end (InferenceResourceTest
     * sends the image that way through the whole service).
     */
    @Test
    void anHttp2RequestPassesStraightOn() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        http2.send(HttpRequest.newBuilder(uri()).GET().build(), HttpResponse.BodyHandlers.ofString()); // upgrades
        HttpResponse<String> answer = http2.send(post(HttpRequest.BodyPublishers.ofByteArray(randomBytes(50_000))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(answer.body()).isEqualTo("ended=false bytes=none");
    }

    /** Without the interim answer, such a client waits (curl 1 s per request) before it sends its body. */
    @Test
    void aClientThatWaitsForContinueIsToldToSend() throws Exception {
        byte[] image = randomBytes(50_000);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + image.length + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readUntilBlankLine(in)).startsWith("HTTP/1.1 100 Continue");
            out.write(image);
            out.flush();
            String head = readUntilBlankLine(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            String body = new String(in.readNBytes(contentLength(head)), StandardCharsets.ISO_8859_1);
            assertThat(body).isEqualTo("ended=true bytes=50000 crc=" + crc(image));
        }
    }

    private static HttpRequest post(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(uri()).header("Content-Type", "application/octet-stream").POST(body).build();
    }

    private static URI uri() {
        return server.uri("/upload");
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static long crc(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b);
        return crc.getValue();
    }

    private static String readUntilBlankLine(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        while (!s.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed after: " + s);
            }
            s.append((char) c);
        }
        return s.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        throw new AssertionError("no Content-Length in " + head);
    }
}
