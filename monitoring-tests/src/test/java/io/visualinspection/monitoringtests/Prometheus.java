package io.visualinspection.monitoringtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.visualinspection.model.testing.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Prometheus ({@code apt-get install prometheus}) on a free port of 127.0.0.1, with a fresh data folder
 * below {@code target/prometheus/}, and its HTTP API.
 */
final class Prometheus implements AutoCloseable {

    static final File PROMETHEUS = new File("/usr/bin/prometheus");
    static final File PROMTOOL = new File("/usr/bin/promtool");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private Prometheus(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Skips the calling test with a printed reason where Prometheus is not installed; fails instead when CI=true. */
    static void requireInstalled() {
        if (PROMETHEUS.canExecute() && PROMTOOL.canExecute()) {
            return;
        }
        String reason = "monitoring tests need " + PROMETHEUS + " and " + PROMTOOL + " (apt-get install prometheus)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + "; CI=true, so this is a failure");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    static Prometheus start(Path config, Path dir) {
        int port = ServiceProcess.freePort();
        try {
            Path data = dir.resolve("data");
            deleteRecursively(data);
            Files.createDirectories(data);
            Path log = dir.resolve("prometheus.log");
            Process process = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port,
                    "--storage.tsdb.retention.time=1d")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Prometheus prometheus = new Prometheus(process, port, log);
            prometheus.awaitReady(Duration.ofSeconds(30));
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start prometheus", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The result of an instant query: its {@code data.result} array. Fails on a query Prometheus refuses. */
    JsonNode query(String expr) {
        JsonNode answer = queryAnswer(expr);
        if (!"success".equals(answer.path("status").asText())) {
            throw new AssertionError("Prometheus refused the query (" + answer.path("errorType").asText() + ": "
                    + answer.path("error").asText() + "):\n" + expr);
        }
        return answer.path("data").path("result");
    }

    /** Prometheus's whole answer to an instant query, refused or not. */
    JsonNode queryAnswer(String expr) {
        return get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return MonitoringFiles.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery + ": " + e.getMessage() + "\n" + tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every value of a label among the series that match a selector. */
    List<String> labelValues(String label, String selector) {
        String path = "/api/v1/label/" + label + "/values"
                + (selector == null ? "" : "?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
        JsonNode answer = get(path);
        if (!"success".equals(answer.path("status").asText())) {
            throw new AssertionError("label values of " + label + " for " + selector + ": " + answer);
        }
        List<String> values = new ArrayList<>();
        answer.path("data").forEach(v -> values.add(v.asText()));
        return values;
    }

    /** promtool's verdict on a file: {@code promtool check config|rules FILE}. */
    static String promtool(String what, Path file) {
        try {
            Process p = new ProcessBuilder(PROMTOOL.toString(), "check", what, file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("promtool check " + what + " " + file + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("promtool check " + what + " " + file + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
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
            sleep(200);
        }
        throw new IllegalStateException("prometheus not ready within " + timeout + ":\n" + tail());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
