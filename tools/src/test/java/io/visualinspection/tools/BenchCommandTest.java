package io.visualinspection.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.visualinspection.model.Json;
import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench against the real inference service (started from its jar), with the session floor measured here. */
class BenchCommandTest {

    static ServiceProcess inference;

    @BeforeAll
    static void startInference() {
        inference = ServiceProcess.start("inference", Map.of("inference.models-dir", SampleData.models().toString()))
                .awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopInference() {
        if (inference != null) {
            inference.close();
        }
    }

    @Test
    void measuresTheServiceAgainstTheSessionFloorAndWritesAReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("bench.json");
        ToolRun run = ToolRun.run("bench", "--target", "inference", "--url", inference.url(), "-n", "6", "-c", "2",
                "--warmup", "1", "--images", SampleData.images().toString(), "--session-model",
                SampleData.models().resolve("yolov5s-coco").toString(), "--session-runs", "3",
                "--metrics-url", inference.url() + "/q/metrics", "--json", report.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("inference " + inference.url() + ": 6 requests at concurrency 2")
                .contains("session.run in-process").contains("latency_p50_over_session_p50")
                .contains("resident memory");
        JsonNode json = Json.mapper().readTree(report.toFile());
        assertThat(json.get("succeeded").asInt()).isEqualTo(6);
        assertThat(json.get("stages").has("session")).isTrue();
        assertThat(json.get("stages").get("session").get("count").asInt()).isEqualTo(6);
        JsonNode outside = json.get("stages").get("client_less_total");
        assertThat(outside.get("count").asInt()).as("one per request").isEqualTo(6);
        assertThat(outside.get("p50_ms").asDouble()).as("the HTTP exchange takes time, less than the detection")
                .isPositive().isLessThan(json.get("stages").get("total").get("p50_ms").asDouble());
        assertThat(json.get("session_floor").get("p50_ms").asDouble()).isPositive();
        assertThat(json.get("session_floor").get("count").asInt()).as("every floor run, over all rounds").isEqualTo(3);
        assertThat(json.get("ratios").get("latency_p50_over_session_p50").asDouble()).isGreaterThan(0.5);
        assertThat(json.get("resident_memory_mb").get(inference.url() + "/q/metrics").get(0).asDouble())
                .isGreaterThan(50);
    }

    @Test
    void theImageCanGoAsTheRequestBodyAsTheBackendSendsIt() {
        ToolRun run = ToolRun.run("bench", "--target", "inference", "--raw-body", "--url", inference.url(), "-n", "3",
                "--warmup", "0", "--images", SampleData.images().toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("3 requests at concurrency 1").contains("session");
        ToolRun wrong = ToolRun.run("bench", "--target", "upload", "--raw-body", "-n", "1");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("--raw-body goes with --target inference");
    }

    @Test
    void failedRequestsMakeExitCodeOne() {
        ToolRun run = ToolRun.run("bench", "--target", "upload", "--url", inference.url(), "-n", "2",
                "--warmup", "0", "--images", SampleData.images().toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("HTTP 404: 2");
    }
}
