package io.visualinspection.monitoringtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a line does to the system, as the dashboards should show it: a line controller triggering inspections
 * with the camera and uploading images, an operator overruling decisions, a camera that fails, a corrupt image,
 * an archive volume that breaks, and a model folder that changes. Counts what it did.
 */
final class Line {

    /**
     * A failure counter appears with the first failure of its kind, so rate() and increase() see only the ones
     * after it; repeated failures come a few scrapes apart, as on a line, so that the alerts see them.
     */
    private static final long A_SCRAPE_LATER = 2500;

    private final MonitoredSystem system;
    final List<String> inspectionIds = new ArrayList<>();
    int ok;
    int nok;
    int upstreamErrors;
    int callerErrors;
    int overrules;

    Line(MonitoredSystem system) {
        this.system = system;
    }

    /** Inspections that reached a decision. */
    int inspections() {
        return ok + nok;
    }

    /** Triggers the camera through the backend; the emulated camera serves astronaut, chelsea, coffee in turn. */
    JsonNode triggerCamera() {
        return decided(send(backend("/main/with-camera?return_options=127").GET()));
    }

    /** Uploads a sample image for inspection. */
    JsonNode upload(String sampleImage) {
        try {
            return decided(uploadBytes(Files.readAllBytes(SampleData.image(sampleImage)), sampleImage));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Triggers the camera while it has the given faults, expecting the backend to answer with an upstream error. */
    void triggerFailingCamera(String faults, int times) {
        send(HttpRequest.newBuilder(MonitoredSystem.uri(system.camera, "/admin/faults"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(faults)), 200);
        try {
            for (int i = 0; i < times; i++) {
                if (i > 0) {
                    Prometheus.sleep(A_SCRAPE_LATER);
                }
                HttpResponse<byte[]> r = send(backend("/main/with-camera?return_options=1").GET());
                expectUpstreamError(r, "camera fault " + faults);
            }
        } finally {
            send(HttpRequest.newBuilder(MonitoredSystem.uri(system.camera, "/admin/faults")).DELETE(), 200);
        }
    }

    /**
     * Uploads bytes that are no image: the inference service refuses them, the backend answers 400 naming it.
     * The caller's mistake, so not an upstream error.
     */
    void uploadGarbage() {
        HttpResponse<byte[]> r = uploadBytes("these bytes are not an image".getBytes(StandardCharsets.UTF_8),
                "garbage.png");
        String body = text(r);
        if (r.statusCode() != 400 || !body.contains("\"upstream\":\"inference\"")) {
            throw new AssertionError("an upload that is no image: expected 400 naming inference, got "
                    + r.statusCode() + ": " + body);
        }
        callerErrors++;
    }

    /** The operator's verdict on an inspection. */
    void overrule(String inspectionId, boolean verdict) {
        String body = "{\"verdict\": " + verdict + ", \"operator\": \"monitoring test\", \"comment\": \"checked\"}";
        send(backend("/inspections/" + inspectionId + "/overrule").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 200);
        overrules++;
    }

    /**
     * Inspects with the archive folder replaced by a file, so that the archive cannot write, until the
     * backend has counted the failures; then puts the folder back.
     */
    void inspectWhileTheArchiveIsBroken(String sampleImage, int times) throws IOException {
        Path moved = system.archive.resolveSibling("archive-moved");
        Files.move(system.archive, moved);
        Files.writeString(system.archive, "a file where the archive folder should be");
        try {
            for (int i = 0; i < times; i++) {
                if (i > 0) {
                    Prometheus.sleep(A_SCRAPE_LATER);
                }
                upload(sampleImage);
                awaitArchiveFailures(i + 1);
            }
        } finally {
            Files.delete(system.archive);
            Files.move(moved, system.archive);
        }
    }

    private void awaitArchiveFailures(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Pattern failures = Pattern.compile("(?m)^archive_failures_total\\{[^}]*} " + count + "\\.0$");
        while (!failures.matcher(backendMetrics()).find()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the backend did not count archive failure " + count + ":\n"
                        + system.backend.tail());
            }
            Prometheus.sleep(200);
        }
    }

    /** Adds a file to the served model's folder and reloads: the inference service replaces the model. */
    void changeTheModelFolder() throws IOException {
        Files.writeString(system.models.resolve(MonitoredSystem.MODEL).resolve("NOTES.txt"),
                "changed at " + Instant.now() + "\n");
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(MonitoredSystem.uri(system.inference, "/models/reload"))
                .POST(HttpRequest.BodyPublishers.noBody()), 200);
        String report = new String(r.body(), StandardCharsets.UTF_8);
        if (!report.contains(MonitoredSystem.MODEL)) {
            throw new AssertionError("the model was not replaced: " + report);
        }
    }

    /** Opens the operator UI, as a browser would. */
    void openTheOperatorUi() {
        send(HttpRequest.newBuilder(MonitoredSystem.uri(system.frontend, "/")).GET(), 200);
    }

    /** The backend's /q/metrics, with its token. */
    String backendMetrics() {
        return new String(send(backend("/q/metrics").GET(), 200).body(), StandardCharsets.UTF_8);
    }

    /** The status of an unauthenticated request to the backend's /q/metrics. */
    int backendMetricsStatusWithoutToken() {
        return MonitoredSystem.send(HttpRequest.newBuilder(MonitoredSystem.uri(system.backend, "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).GET().build()).statusCode();
    }

    /** Waits until the backend's readiness check, asked with the token, says UP. */
    static void awaitReady(ServiceProcess backend, String token, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!backend.process().isAlive()) {
                throw new IllegalStateException("backend exited with " + backend.process().exitValue() + ":\n"
                        + backend.tail());
            }
            try {
                HttpResponse<Void> r = MonitoredSystem.http().send(HttpRequest.newBuilder(
                                MonitoredSystem.uri(backend, "/q/health/ready")).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Prometheus.sleep(200);
        }
        throw new IllegalStateException("backend not ready within " + timeout + ":\n" + backend.tail());
    }

    private JsonNode decided(HttpResponse<byte[]> r) {
        if (r.statusCode() != 200) {
            throw new AssertionError("inspection answered " + r.statusCode() + ": " + text(r));
        }
        try {
            JsonNode json = MonitoringFiles.JSON.readTree(r.body());
            if (json.path("decision").asBoolean()) {
                ok++;
            } else {
                nok++;
            }
            inspectionIds.add(json.path("inspection_id").asText());
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void expectUpstreamError(HttpResponse<byte[]> r, String what) {
        String body = text(r);
        if (r.statusCode() < 400 || !body.contains("\"upstream\"")) {
            throw new AssertionError(what + ": expected an error naming the upstream, got " + r.statusCode() + ": "
                    + body);
        }
        upstreamErrors++;
    }

    private HttpResponse<byte[]> uploadBytes(byte[] image, String fileName) {
        String boundary = "----monitoring-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(backend("/main?return_options=127").header("Content-Type", "multipart/form-data; boundary="
                + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder backend(String path) {
        return HttpRequest.newBuilder(MonitoredSystem.uri(system.backend, path))
                .header("Authorization", "Bearer " + system.token);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        return MonitoredSystem.send(request.timeout(Duration.ofSeconds(30)).build());
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request, int expectedStatus) {
        HttpResponse<byte[]> r = send(request);
        if (r.statusCode() != expectedStatus) {
            throw new AssertionError(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode()
                    + ": " + text(r));
        }
        return r;
    }

    private static String text(HttpResponse<byte[]> r) {
        String s = new String(r.body(), StandardCharsets.UTF_8);
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }
}
