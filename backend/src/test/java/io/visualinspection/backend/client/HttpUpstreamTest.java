package io.visualinspection.backend.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.visualinspection.model.InferenceResult;
import io.visualinspection.model.testing.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The blocking upstream client against a loopback HTTP/1.1 server written for the purpose: it answers each request
 * as the test says, and can stay silent, hang up, or close a kept-alive connection, which the real services do
 * not on demand.
 */
class HttpUpstreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Upstream upstream;

    @AfterEach
    void stop() throws IOException {
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void sendsTheQueryEncodedTheTokenAndTheBody() {
        upstream = new Upstream(request -> Reply.json(200, "{\"bboxes\":[[1,2,3,4]],\"class_ids\":[15],"
                + "\"scores\":[0.9],\"class_names\":[\"cat\"],\"model\":\"m\"}"));
        HttpUpstream http = client(upstream, 1000, Optional.of(" secret "));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("min_score", "0.5");
        query.put("note", "a b&c=d+é");
        byte[] image = new byte[70_000];
        image[69_999] = 7;
        InferenceResult result = http.json(http.post("/models/" + HttpUpstream.encode("my model") + "/detect",
                query, "application/octet-stream", image), InferenceResult.class);
        assertThat(result.classNames()).containsExactly("cat");
        Request seen = upstream.requests.getFirst();
        assertThat(seen.line()).isEqualTo("POST /models/my%20model/detect?min_score=0.5&note=a%20b%26c%3Dd%2B%C3%A9 "
                + "HTTP/1.1");
        assertThat(seen.headers()).containsEntry("authorization", "Bearer secret")
                .containsEntry("content-type", "application/octet-stream");
        assertThat(seen.body()).isEqualTo(image);
    }

    @Test
    void anErrorAnswerCarriesTheUpstreamsOwnMessage() {
        upstream = new Upstream(request -> Reply.json(404,
                "{\"status\":404,\"error\":\"Not Found\",\"message\":\"no camera with serial_number X\"}"));
        HttpUpstream http = client(upstream, 1000, Optional.empty());
        HttpUpstream.Answer answer = http.get("/basler/take-photo", Map.of("serial_number", "X"));
        assertThat(answer.status()).isEqualTo(404);
        assertThatThrownBy(() -> http.requireSuccess(answer)).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.getMessage()).isEqualTo("camera refused the request: no camera with serial_number X");
        });
        assertThat(upstream.requests.getFirst().headers()).doesNotContainKey("authorization");
    }

    @Test
    void anAnswerThatIsNotTheExpectedJsonIs502NamingTheUpstream() {
        upstream = new Upstream(request -> Reply.json(200, "{\"bboxes\": [[1,2,3,4]], \"class_ids\": []"));
        HttpUpstream http = client(upstream, 1000, Optional.empty());
        assertThatThrownBy(() -> http.json(http.post("/inference", Map.of(), "image/jpeg", new byte[10]),
                InferenceResult.class)).isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.kind()).isEqualTo("failed");
                    assertThat(e.getMessage()).startsWith("camera answered with a body that is not the expected InferenceResult");
                });
    }

    @Test
    void silenceBeyondTheTimeoutIs504() {
        upstream = new Upstream(request -> Reply.SILENCE);
        HttpUpstream http = client(upstream, 300, Optional.empty());
        long start = System.nanoTime();
        assertThatThrownBy(() -> http.get("/basler/take-photo", Map.of()))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.status()).isEqualTo(504);
                    assertThat(e.getMessage()).isEqualTo("camera did not answer in time");
                });
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 3_000L);
    }

    @Test
    void nothingListeningIs502Unreachable() {
        HttpUpstream http = new HttpUpstream("inference", URI.create("http://127.0.0.1:" + ServiceProcess.freePort()),
                1000, 1000, Optional.empty(), JSON);
        assertThatThrownBy(() -> http.get("/q/health/ready", Map.of()))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.kind()).isEqualTo("unreachable");
                    assertThat(e.getMessage()).startsWith("inference is unreachable: cannot connect");
                });
    }

    @Test
    void aBaseUrlWithoutSchemeOrHostIsRefusedNamingTheProperty() {
        for (String url : new String[] {"camera-pc:5050", "/basler", "ftp://camera-pc"}) {
            assertThatThrownBy(() -> new HttpUpstream("camera", URI.create(url), 1000, 1000, Optional.empty(), JSON))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("backend.camera.url must be an http:// or https:// URL with a host")
                    .hasMessageContaining(url);
        }
    }

    @Test
    void anUpstreamThatHangsUpIs502Unreachable() {
        upstream = new Upstream(request -> Reply.HANG_UP);
        HttpUpstream http = client(upstream, 1000, Optional.empty());
        assertThatThrownBy(() -> http.post("/inference", Map.of(), "image/jpeg", new byte[100]))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).startsWith("camera is unreachable: ");
                });
    }

    @Test
    void connectionsAreKeptAliveAndOneTheUpstreamClosedIsReplacedWithoutAnError() {
        upstream = new Upstream(request -> Reply.json(200, "{\"n\":1}"));
        HttpUpstream http = client(upstream, 1000, Optional.empty());
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/inference", Map.of(), "image/jpeg", new byte[1000]).status()).isEqualTo(200);
        }
        assertThat(upstream.connections.get()).as("one kept-alive connection for three requests").isEqualTo(1);

        upstream.closeOpenConnections(); // as a restarted upstream would have
        assertThat(http.post("/inference", Map.of(), "image/jpeg", new byte[1000]).status()).isEqualTo(200);
        assertThat(http.get("/q/health/ready", Map.of()).status()).isEqualTo(200);
        assertThat(upstream.connections.get()).isEqualTo(2);
    }

    private static HttpUpstream client(Upstream upstream, int readTimeoutMs, Optional<String> token) {
        return new HttpUpstream("camera", URI.create("http://127.0.0.1:" + upstream.port()), 1000, readTimeoutMs,
                token, JSON);
    }

    record Request(String line, Map<String, String> headers, byte[] body) {
    }

    record Reply(int status, String body) {
        static final Reply SILENCE = new Reply(-1, null);
        static final Reply HANG_UP = new Reply(-2, null);

        static Reply json(int status, String body) {
            return new Reply(status, body);
        }
    }

    /** A minimal HTTP/1.1 server: Content-Length bodies, kept-alive connections, one thread per connection. */
    static final class Upstream implements AutoCloseable {
        final List<Request> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final ServerSocket server;
        private final Function<Request, Reply> replies;

        Upstream(Function<Request, Reply> replies) {
            this.replies = replies;
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread.ofPlatform().daemon().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        void closeOpenConnections() {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            open.clear();
            sleep(100); // the client's side sees the close only once it is delivered
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    open.add(s);
                    Thread.ofPlatform().daemon().start(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                while (true) {
                    Request request = read(in);
                    if (request == null) {
                        return;
                    }
                    requests.add(request);
                    Reply reply = replies.apply(request);
                    if (reply == Reply.HANG_UP) {
                        return;
                    }
                    if (reply == Reply.SILENCE) {
                        sleep(5_000);
                        return;
                    }
                    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 " + reply.status() + " X\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static Request read(InputStream in) throws IOException {
            String line = readLine(in);
            if (line == null || line.isEmpty()) {
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            return new Request(line, headers, in.readNBytes(length));
        }

        private static String readLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return null;
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            closeOpenConnections();
        }
    }
}
