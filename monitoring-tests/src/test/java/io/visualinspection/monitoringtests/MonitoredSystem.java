package io.visualinspection.monitoringtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The four services from their packaged jars on free loopback ports, as a line runs them, with two things a
 * plant may switch on: the backend's archive, and its token authentication with health and metrics protected
 * too (so Prometheus must scrape it with a bearer token from a file). The inference service serves a copy of
 * the sample model beside a broken model folder, which it rejects. Below {@code target/monitoring/}.
 */
final class MonitoredSystem implements AutoCloseable {

    static final String MODEL = "yolov5s-coco";

    final Path dir;
    final Path archive;
    final Path models;
    final String token;
    final ServiceProcess camera;
    final ServiceProcess inference;
    final ServiceProcess backend;
    final ServiceProcess frontend;

    private MonitoredSystem(Path dir, Path archive, Path models, String token, ServiceProcess camera,
            ServiceProcess inference, ServiceProcess backend, ServiceProcess frontend) {
        this.dir = dir;
        this.token = token;
        this.archive = archive;
        this.models = models;
        this.camera = camera;
        this.inference = inference;
        this.backend = backend;
        this.frontend = frontend;
    }

    static MonitoredSystem start() throws IOException {
        Path dir = Path.of("target", "monitoring").toAbsolutePath();
        Prometheus.deleteRecursively(dir);
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Path models = modelsFolder(dir.resolve("models"));
        CompletableFuture<ServiceProcess> cam = CompletableFuture.supplyAsync(() -> startReady("camera-adapter-mock",
                Map.of("camera.images-dir", SampleData.images().toString()), Duration.ofSeconds(60)));
        CompletableFuture<ServiceProcess> inf = CompletableFuture.supplyAsync(() -> startReady("inference",
                Map.of("inference.models-dir", models.toString(), "inference.default-model", MODEL),
                Duration.ofSeconds(90)));
        List<ServiceProcess> started = new ArrayList<>();
        try {
            ServiceProcess camera = started(started, cam.join());
            ServiceProcess inference = started(started, inf.join());
            String token = UUID.randomUUID().toString();
            Map<String, String> backendProperties = new LinkedHashMap<>();
            backendProperties.put("backend.patterns.path", SampleData.patterns().toString());
            backendProperties.put("backend.camera.url", camera.url());
            backendProperties.put("backend.inference.url", inference.url());
            backendProperties.put("backend.archive.dir", archive.toString());
            // The camera gets 1 s (the backend's timeout less its margin): a slow camera times out quickly.
            backendProperties.put("backend.camera.timeout-ms", "2000");
            backendProperties.put("api.auth.enabled", "true");
            backendProperties.put("api.auth.tokens", token);
            backendProperties.put("api.auth.protect-operations", "true");
            ServiceProcess backend = started(started, ServiceProcess.start("backend", backendProperties));
            Line.awaitReady(backend, token, Duration.ofSeconds(60));
            ServiceProcess frontend = started(started, ServiceProcess.start("frontend",
                    Map.of("quarkus.rest-client.backend.url", backend.url()))).awaitReady(Duration.ofSeconds(60));
            return new MonitoredSystem(dir, archive, models, token, camera, inference, backend, frontend);
        } catch (RuntimeException | Error e) {
            cam.thenAccept(ServiceProcess::close);
            inf.thenAccept(ServiceProcess::close);
            started.forEach(ServiceProcess::close);
            throw e;
        }
    }

    private static ServiceProcess startReady(String module, Map<String, String> properties, Duration timeout) {
        ServiceProcess process = ServiceProcess.start(module, properties);
        try {
            return process.awaitReady(timeout);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    private static ServiceProcess started(List<ServiceProcess> started, ServiceProcess process) {
        started.add(process);
        return process;
    }

    /** The loopback port of each compose service, by its name in docker-compose.yaml. */
    Map<String, Integer> ports() {
        return Map.of("camera", camera.port(), "inference", inference.port(), "backend", backend.port(),
                "frontend", frontend.port());
    }

    /**
     * The checkout's {@code monitoring/prometheus/prometheus.yml} pointed at this system: each compose service's
     * target replaced by its loopback port, the backend scraped with its token from a file, the rule files by
     * absolute path, and a scrape and rule evaluation every second.
     */
    Path prometheusConfig(Path prometheusDir) throws IOException {
        Path source = MonitoringFiles.prometheusConfig();
        ObjectNode config = (ObjectNode) MonitoringFiles.yaml(source);
        ObjectNode global = config.has("global") ? (ObjectNode) config.get("global") : config.putObject("global");
        global.put("scrape_interval", "1s");
        global.put("scrape_timeout", "1s");
        global.put("evaluation_interval", "1s");
        ArrayNode rules = config.putArray("rule_files");
        MonitoringFiles.ruleFiles().forEach(f -> rules.add(f.toString()));
        Files.createDirectories(prometheusDir);
        Path tokenFile = prometheusDir.resolve("backend-token");
        Files.writeString(tokenFile, token + "\n");
        Map<String, Integer> ports = ports();
        for (JsonNode job : config.path("scrape_configs")) {
            for (JsonNode staticConfig : job.path("static_configs")) {
                ArrayNode targets = (ArrayNode) staticConfig.path("targets");
                for (int i = 0; i < targets.size(); i++) {
                    String service = targets.get(i).asText().split(":")[0];
                    if (!ports.containsKey(service)) {
                        throw new AssertionError("scrape target " + targets.get(i).asText() + " of job "
                                + job.path("job_name").asText() + " is not a service of docker-compose.yaml");
                    }
                    targets.set(i, "127.0.0.1:" + ports.get(service));
                }
            }
            if ("backend".equals(job.path("job_name").asText())) {
                ObjectNode authorization = ((ObjectNode) job).putObject("authorization");
                authorization.put("type", "Bearer");
                authorization.put("credentials_file", tokenFile.toString());
            }
        }
        Path file = prometheusDir.resolve("prometheus.yml");
        MonitoringFiles.YAML.writeValue(file.toFile(), config);
        return file;
    }

    /** A copy of the sample model (hard links where possible) and a folder whose model.onnx is not a model. */
    private static Path modelsFolder(Path models) throws IOException {
        Path model = Files.createDirectories(models.resolve(MODEL));
        try (Stream<Path> files = Files.list(SampleData.models().resolve(MODEL))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = model.resolve(f.getFileName().toString());
                try {
                    Files.createLink(to, f);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(f, to);
                }
            }
        }
        Path broken = Files.createDirectories(models.resolve("broken-model"));
        Files.writeString(broken.resolve("model.onnx"), "not an ONNX model");
        return models;
    }

    @Override
    public void close() {
        for (ServiceProcess p : List.of(frontend, backend, inference, camera)) {
            p.close();
        }
    }

    static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static URI uri(ServiceProcess service, String path) {
        return URI.create(service.url() + path);
    }
}
