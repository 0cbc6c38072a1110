package io.visualinspection.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A stand-in for the inference service on loopback that misbehaves on demand, for the faults the real one cannot
 * show at will: too slow, refusing the backend's token, overloaded, failing, answering broken JSON, hanging up. Its
 * readiness endpoint always answers, so that the backend in front of it starts.
 */
final class FakeInference implements AutoCloseable {

    enum Behaviour { OK, SLOW, UNAUTHORIZED, FORBIDDEN, OVERLOADED, FAILING, GARBAGE, HANG_UP }

    static final String DETECTIONS = "{\"bboxes\":[[10,10,400,290]],\"class_ids\":[15],\"scores\":[0.9],"
            + "\"class_names\":[\"cat\"],\"model\":\"fake\",\"model_version\":\"1\",\"image_width\":451,"
            + "\"image_height\":300}";

    private final HttpServer server;
    volatile Behaviour behaviour = Behaviour.OK;
    volatile long slowMillis = 7000;
    /** The Authorization header of the last detection request. */
    volatile String lastAuthorization;

    FakeInference() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-inference");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/q/health/ready", x -> answer(x, 200, "{\"status\":\"UP\",\"checks\":[]}"));
        server.createContext("/inference", this::inference);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void inference(HttpExchange x) throws IOException {
        lastAuthorization = x.getRequestHeaders().getFirst("Authorization");
        x.getRequestBody().readAllBytes();
        switch (behaviour) {
            case OK -> answer(x, 200, DETECTIONS);
            case SLOW -> {
                Lab.sleep(slowMillis);
                answer(x, 200, DETECTIONS);
            }
            case UNAUTHORIZED -> answer(x, 401, error(401, "this API needs 'Authorization: Bearer <token>'"));
            case FORBIDDEN -> answer(x, 403, error(403, "the token is not accepted"));
            case OVERLOADED -> {
                x.getResponseHeaders().add("Retry-After", "1");
                answer(x, 503, error(503, "the inference queue is full (1 waiting); retry shortly"));
            }
            case FAILING -> answer(x, 500, error(500, "internal error: ONNX Runtime failed"));
            case GARBAGE -> answer(x, 200, "{\"bboxes\": [[1, 2, ");
            case HANG_UP -> x.close(); // no status line: the connection just ends
            default -> throw new IllegalStateException();
        }
    }

    private static String error(int status, String message) {
        return "{\"status\":" + status + ",\"error\":\"x\",\"message\":\"" + message + "\"}";
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
