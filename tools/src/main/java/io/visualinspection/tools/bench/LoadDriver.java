package io.visualinspection.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.visualinspection.model.Json;
import io.visualinspection.tools.cli.MultipartBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives requests at a fixed concurrency: each client sends its next request as soon as the previous one is
 * answered (closed loop), until the count is reached. Records the client-side latency and the per-stage
 * timings each response reports.
 */
public final class LoadDriver {

    /**
     * What a service is asked: a camera-triggered inspection, an uploaded one, or a bare detection with the
     * image in a multipart form or (as the backend sends it) as the request body.
     */
    public enum Target {
        CAMERA, UPLOAD, INFERENCE, INFERENCE_RAW
    }

    /** One image to send: its name and bytes. */
    public record Upload(String name, byte[] bytes) {
    }

    /** Everything measured. */
    public record Result(List<Double> latencies, Map<String, List<Double>> stages, Map<Integer, Integer> errors,
            double wallSeconds, List<String> errorSamples) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Target target;
    private final URI endpoint;
    private final List<Upload> uploads;
    private final Map<String, String> token;
    private final Duration timeout;

    public LoadDriver(Target target, String baseUrl, int returnOptions, List<Upload> uploads, String bearerToken,
            Duration timeout) {
        this.target = target;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpoint = URI.create(switch (target) {
            case CAMERA -> base + "/main/with-camera?return_options=" + returnOptions;
            case UPLOAD -> base + "/main?return_options=" + returnOptions;
            case INFERENCE, INFERENCE_RAW -> base + "/inference";
        });
        this.uploads = uploads;
        this.token = bearerToken == null ? Map.of() : Map.of("Authorization", "Bearer " + bearerToken);
        this.timeout = timeout;
    }

    public Result run(int requests, int concurrency, Runnable step) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Double>> stages = new ConcurrentHashMap<>();
        Map<Integer, Integer> errors = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            clients.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    int status;
                    byte[] body;
                    try {
                        HttpResponse<byte[]> r = http.send(request(i), HttpResponse.BodyHandlers.ofByteArray());
                        status = r.statusCode();
                        body = r.body();
                    } catch (Exception e) {
                        status = -1;
                        body = String.valueOf(e).getBytes();
                    }
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (status == 200) {
                        latencies.add(ms);
                        stages(body).forEach((k, v) -> stages.computeIfAbsent(k, x -> new ConcurrentLinkedQueue<>()).add(v));
                    } else {
                        errors.merge(status, 1, Integer::sum);
                        if (samples.size() < 5) {
                            samples.add(status + " " + new String(body, 0, Math.min(body.length, 200)));
                        }
                    }
                    step.run();
                }
            }));
        }
        for (Thread t : clients) {
            t.join();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Map<String, List<Double>> stageLists = new java.util.TreeMap<>();
        stages.forEach((k, v) -> stageLists.put(k, new ArrayList<>(v)));
        return new Result(new ArrayList<>(latencies), stageLists, new java.util.TreeMap<>(errors), wall,
                new ArrayList<>(samples));
    }

    private HttpRequest request(int i) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(timeout).header("Accept", "application/json");
        token.forEach(b::header);
        if (target == Target.CAMERA) {
            return b.GET().build();
        }
        Upload u = uploads.get(i % uploads.size());
        if (target == Target.INFERENCE_RAW) {
            return b.header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(u.bytes())).build();
        }
        MultipartBody body = MultipartBody.of(u.name(), u.bytes(), Map.of());
        return b.header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
    }

    private static Map<String, Double> stages(byte[] body) {
        Map<String, Double> out = new java.util.HashMap<>();
        try {
            JsonNode timings = Json.mapper().readTree(body).get("timings_ms");
            if (timings != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = timings.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.put(e.getKey(), e.getValue().asDouble());
                }
            }
        } catch (Exception ignored) {
            // a 200 without timings: only the client latency counts
        }
        return out;
    }
}
