package io.visualinspection.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.visualinspection.model.Json;
import io.visualinspection.tools.cli.MultipartBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives requests at a fixed concurrency: each client sends its next request as soon as the previous one is
 * answered (closed loop), until the count is reached. Records the client-side latency and the per-stage
 * timings each response reports.
 *
 * <p>Each client thread does its own blocking I/O on a kept-alive connection ({@link HttpURLConnection}): the
 * JDK's asynchronous {@code HttpClient} hands every exchange between its selector and executor threads, which on
 * a 2-core machine added 2-3 ms to each measured latency (docs/benchmarks.md).
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

        /** Nothing measured yet. */
        public static Result empty() {
            return new Result(List.of(), Map.of(), Map.of(), 0, List.of());
        }

        /** This and a later round together: every measurement of both, the wall time of both rounds. */
        public Result plus(Result later) {
            List<Double> allLatencies = new ArrayList<>(latencies);
            allLatencies.addAll(later.latencies);
            Map<String, List<Double>> allStages = new TreeMap<>();
            stages.forEach((k, v) -> allStages.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            later.stages.forEach((k, v) -> allStages.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            Map<Integer, Integer> allErrors = new TreeMap<>(errors);
            later.errors.forEach((k, v) -> allErrors.merge(k, v, Integer::sum));
            List<String> samples = new ArrayList<>(errorSamples);
            later.errorSamples.stream().limit(Math.max(0, MAX_ERROR_SAMPLES - samples.size())).forEach(samples::add);
            return new Result(allLatencies, allStages, allErrors, wallSeconds + later.wallSeconds, samples);
        }
    }

    /**
     * Per request, the client latency less the service's own {@code total}: what the HTTP exchange costs, apart
     * from the detection's time, which moves with the machine far more.
     */
    public static final String CLIENT_LESS_TOTAL = "client_less_total";

    private static final int CONNECT_TIMEOUT_MS = 5000;
    /** Failed answers kept as examples for the report. */
    private static final int MAX_ERROR_SAMPLES = 5;

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

    /** A status and a body, or status -1 and the exception when no answer came. */
    private record Answer(int status, byte[] body) {
    }

    public Result run(int requests, int concurrency, Runnable step) throws InterruptedException {
        // The JDK keeps 5 idle connections per server unless told otherwise; every client keeps its own. Read
        // once, when the first connection is made.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", String.valueOf(Math.max(5, concurrency)));
        }
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
                    Answer answer = send(i);
                    int status = answer.status();
                    byte[] body = answer.body();
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (status == 200) {
                        latencies.add(ms);
                        Map<String, Double> reported = stages(body);
                        Double total = reported.get("total");
                        if (total != null) {
                            reported.put(CLIENT_LESS_TOTAL, ms - total);
                        }
                        reported.forEach((k, v) -> stages.computeIfAbsent(k, x -> new ConcurrentLinkedQueue<>())
                                .add(v));
                    } else {
                        errors.merge(status, 1, Integer::sum);
                        if (samples.size() < MAX_ERROR_SAMPLES) {
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
        Map<String, List<Double>> stageLists = new TreeMap<>();
        stages.forEach((k, v) -> stageLists.put(k, new ArrayList<>(v)));
        return new Result(new ArrayList<>(latencies), stageLists, new TreeMap<>(errors), wall,
                new ArrayList<>(samples));
    }

    private Answer send(int i) {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
            c.setConnectTimeout(CONNECT_TIMEOUT_MS);
            c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            c.setRequestProperty("Accept", "application/json");
            token.forEach(c::setRequestProperty);
            if (target != Target.CAMERA) {
                Upload u = uploads.get(i % uploads.size());
                String contentType = "application/octet-stream";
                byte[] body = u.bytes();
                if (target != Target.INFERENCE_RAW) {
                    MultipartBody form = MultipartBody.of(u.name(), u.bytes(), Map.of());
                    contentType = form.contentType();
                    body = form.bytes();
                }
                c.setRequestMethod("POST");
                c.setRequestProperty("Content-Type", contentType);
                c.setDoOutput(true);
                // Buffered, not streamed: the headers and the body then leave together, and the service reads the
                // body as it reads the headers instead of waiting for it in a second exchange (1-2 ms less at p50,
                // docs/benchmarks.md). The backend sends its uploads the same way.
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            // Read to the end and closed, so that the connection goes back to the pool for the next request.
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                return new Answer(status, in == null ? new byte[0] : in.readAllBytes());
            }
        } catch (IOException | RuntimeException e) {
            return new Answer(-1, String.valueOf(e).getBytes());
        }
    }

    private static Map<String, Double> stages(byte[] body) {
        Map<String, Double> out = new HashMap<>();
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
