package io.visualinspection.reliability;

import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Camera emulator, inference and backend from their packaged jars on loopback, set up as a hardened line:
 * token authentication on every API (a token per service; the backend presents the camera's and inference's),
 * short upstream timeouts so that faults show quickly, a small inference queue so that overload is reachable,
 * and patterns, models and archive in folders of their own under {@code target/reliability/lab/} that the tests
 * may spoil. Started once per test JVM; stopped when it exits.
 */
final class Lab {

    /** How long the backend waits for the camera, and for inference. */
    static final int CAMERA_TIMEOUT_MS = 2000;
    static final int INFERENCE_TIMEOUT_MS = 4000;
    /** Inference runs one detection at a time and lets one more wait; a third is refused with 503. */
    static final int INFERENCE_MAX_CONCURRENT = 1;
    static final int INFERENCE_MAX_QUEUE = 1;
    static final String CAMERA_SERIAL = "EMU-0001";
    static final String MODEL = "yolov5s-coco";
    /** An inspection id of the right shape that no inspection has. */
    static final String ABSENT_ID = "20200101T000000000Z-00000000";

    static final String CAMERA_TOKEN = token("cam");
    static final String INFERENCE_TOKEN = token("inf");
    static final String BACKEND_TOKEN = token("be");

    private static Lab instance;

    final Path dir;
    final Path patterns;
    final Path models;
    final Path archive;
    final ServiceProcess camera;
    final ServiceProcess backend;
    private volatile ServiceProcess inference;
    private final int inferencePort;
    /** Every process this lab started, for the log checks. */
    private final List<ServiceProcess> started = new ArrayList<>();

    private Lab() {
        dir = Path.of("target", "reliability", "lab").toAbsolutePath();
        patterns = dir.resolve("patterns");
        models = dir.resolve("models");
        archive = dir.resolve("archive");
        try {
            deleteTree(dir);
            Files.createDirectories(patterns);
            Files.createDirectories(models);
            Files.createDirectories(archive);
            Files.copy(SampleData.patterns().resolve("demo-cat.yaml"), patterns.resolve("demo-cat.yaml"));
            Path model = models.resolve(MODEL);
            try {
                Files.createSymbolicLink(model, SampleData.models().resolve(MODEL));
            } catch (IOException | UnsupportedOperationException e) {
                Files.createDirectories(model);
                try (Stream<Path> files = Files.list(SampleData.models().resolve(MODEL))) {
                    for (Path f : files.toList()) {
                        Files.copy(f, model.resolve(f.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inferencePort = ServiceProcess.freePort();
        CompletableFuture<ServiceProcess> cam = CompletableFuture.supplyAsync(() -> startCamera(Map.of()));
        CompletableFuture<ServiceProcess> inf = CompletableFuture.supplyAsync(this::startInference);
        try {
            camera = cam.join();
            inference = inf.join();
            backend = startBackend(inferenceUrl(), Map.of());
        } catch (RuntimeException e) {
            CompletableFuture.allOf(cam, inf).exceptionally(x -> null).join();
            stop(); // nothing of a lab that did not start is left running
            throw e;
        }
    }

    static synchronized Lab get() {
        if (instance == null) {
            instance = new Lab();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    ServiceProcess inference() {
        return inference;
    }

    String cameraUrl() {
        return camera.url();
    }

    String backendUrl() {
        return backend.url();
    }

    /** The base URL of {@code camera}, {@code inference} or {@code backend}. */
    String urlOf(String service) {
        return switch (service) {
            case "camera" -> cameraUrl();
            case "inference" -> inferenceUrl();
            case "backend" -> backendUrl();
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** The token {@code camera}, {@code inference} or {@code backend} accepts. */
    static String tokenOf(String service) {
        return switch (service) {
            case "camera" -> CAMERA_TOKEN;
            case "inference" -> INFERENCE_TOKEN;
            case "backend" -> BACKEND_TOKEN;
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** Inference's URL: the same port across restarts. */
    String inferenceUrl() {
        return "http://127.0.0.1:" + inferencePort;
    }

    /** A camera emulator serving the sample images in name order, with token authentication. */
    ServiceProcess startCamera(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of(
                "camera.images-dir", SampleData.images().toString(),
                "camera.serial-number", CAMERA_SERIAL,
                "api.auth.enabled", "true",
                "api.auth.tokens", CAMERA_TOKEN));
        p.putAll(extra);
        ServiceProcess s = track(ServiceProcess.start("camera-adapter-mock", p));
        return p.containsKey("api.auth.protect-operations") ? s : s.awaitReady(Duration.ofSeconds(90));
    }

    /** Inference on this lab's fixed port (so that a restart keeps its address), ready. */
    ServiceProcess startInference() {
        return awaitReady(track(ServiceProcess.start("inference", Map.of(
                "quarkus.http.port", String.valueOf(inferencePort),
                "inference.models-dir", models.toString(),
                "inference.max-concurrent", String.valueOf(INFERENCE_MAX_CONCURRENT),
                "inference.max-queue", String.valueOf(INFERENCE_MAX_QUEUE),
                // one run at a time, as the capacity above says, not two side by side when requests meet
                "inference.split-under-load", "false",
                "api.auth.enabled", "true",
                "api.auth.tokens", INFERENCE_TOKEN))), inferenceUrl(), null, Duration.ofSeconds(150));
    }

    /** A backend towards this lab's camera and the given inference URL, with the lab's timeouts and tokens. */
    ServiceProcess startBackend(String inferenceUrl, Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.ofEntries(
                Map.entry("backend.patterns.path", patterns.toString()),
                Map.entry("backend.patterns.rescan-interval", "200ms"),
                Map.entry("backend.archive.dir", archive.toString()),
                Map.entry("backend.camera.url", camera.url()),
                Map.entry("backend.inference.url", inferenceUrl),
                Map.entry("backend.camera.timeout-ms", String.valueOf(CAMERA_TIMEOUT_MS)),
                Map.entry("backend.inference.timeout-ms", String.valueOf(INFERENCE_TIMEOUT_MS)),
                Map.entry("api.auth.enabled", "true"),
                Map.entry("api.auth.tokens", BACKEND_TOKEN),
                Map.entry("backend.camera.token", CAMERA_TOKEN),
                Map.entry("backend.inference.token", INFERENCE_TOKEN)));
        p.putAll(extra);
        return track(ServiceProcess.start("backend", p)).awaitReady(Duration.ofSeconds(90));
    }

    /** Stops inference: killed at once (a crash) or asked to stop (a redeployment). */
    void stopInference(boolean kill) {
        Process p = inference.process();
        if (kill) {
            p.destroyForcibly();
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            inference.close();
        }
    }

    /** Starts inference again on the same port and waits until it is ready. */
    ServiceProcess restartInference() {
        inference = startInference();
        return inference;
    }

    private ServiceProcess track(ServiceProcess s) {
        synchronized (started) {
            started.add(s);
        }
        return s;
    }

    /** Waits for {@code /q/health/ready} at {@code url}, with the token where operations are protected. */
    static ServiceProcess awaitReady(ServiceProcess s, String url, String token, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!s.process().isAlive()) {
                throw new IllegalStateException(s.log() + ": exited with " + s.process().exitValue() + ":\n"
                        + s.tail());
            }
            Http.Reply r = Http.get(url + "/q/health/ready").token(token).timeout(Duration.ofSeconds(3)).send();
            if (r.status() == 200) {
                return s;
            }
            sleep(250);
        }
        throw new IllegalStateException(s.log() + ": not ready within " + timeout + ":\n" + s.tail());
    }

    /** The log files of every process this lab started. */
    List<Path> logs() {
        synchronized (started) {
            return started.stream().map(ServiceProcess::log).toList();
        }
    }

    private void stop() {
        List<ServiceProcess> all;
        synchronized (started) {
            all = new ArrayList<>(started);
        }
        Collections.reverse(all);
        for (ServiceProcess p : all) {
            p.close();
        }
    }

    static String token(String prefix) {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return prefix + "-" + HexFormat.of().formatHex(b);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
