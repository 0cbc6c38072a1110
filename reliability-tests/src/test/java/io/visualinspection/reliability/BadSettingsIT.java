package io.visualinspection.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.ServiceProcess;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A setting out of its range fails the service's start, and the failure names every such setting: a service that
 * started with a minimum score of 1.5 or a pixel limit of 0 would fail every part, or refuse every image as the
 * caller's fault, only once the line runs.
 */
class BadSettingsIT {

    @Test
    void theBackendDoesNotStartWithSettingsOutOfTheirRanges() throws Exception {
        assertStartFails("backend", Map.of(
                        "backend.inspection.min-score", "1.5",
                        "backend.camera.timeout-ms", "-5",
                        "backend.inspection.drawn-jpeg-quality", "0",
                        "backend.archive.queue-size", "0",
                        "backend.history.size", "0"),
                "invalid backend configuration: ",
                "backend.camera.timeout-ms must be at least 1, got -5",
                "backend.inspection.min-score must be in 0..1, got 1.5",
                "backend.inspection.drawn-jpeg-quality must be in 1..100, got 0",
                "backend.archive.queue-size must be at least 1, got 0",
                "backend.history.size must be at least 1, got 0");
    }

    @Test
    void inferenceDoesNotStartWithSettingsOutOfTheirRanges() throws Exception {
        assertStartFails("inference", Map.of(
                        "inference.models-dir", SampleData.models().toString(),
                        "inference.intra-op-threads", "-1",
                        "inference.max-concurrent", "0",
                        "inference.max-queue", "-1",
                        "inference.max-image-pixels", "0"),
                "invalid inference configuration: ",
                "inference.intra-op-threads must be at least 1, got -1",
                "inference.max-concurrent must be at least 1, got 0",
                "inference.max-queue must be at least 0, got -1",
                "inference.max-image-pixels must be at least 1, got 0");
    }

    @Test
    void theCameraEmulatorDoesNotStartWithSettingsOutOfTheirRanges() throws Exception {
        assertStartFails("camera-adapter-mock", Map.of(
                        "camera.image-file", SampleData.image("chelsea.png").toString(),
                        "camera.defaults.quality", "5",
                        "camera.ip", "10.0.0"),
                "invalid camera configuration: ",
                "camera.ip must be an IPv4 address, got '10.0.0'",
                "camera.defaults.quality must be in 10..100, got 5");
    }

    @Test
    void theOperatorUiDoesNotStartWithInspectionDefaultsTheBackendWouldRefuse() throws Exception {
        assertStartFails("frontend", Map.of(
                        "ui.inspection.min-score", "1.5",
                        "ui.inspection.quality", "5"),
                "invalid operator UI configuration: ",
                "ui.inspection: quality must be in 10..100, got 5",
                "ui.inspection: min_score must be in 0..1, got 1.5");
    }

    private static void assertStartFails(String module, Map<String, String> settings, String... messages)
            throws Exception {
        try (ServiceProcess service = ServiceProcess.start(module, settings)) {
            assertThat(service.process().waitFor(60, TimeUnit.SECONDS))
                    .as(module + " still running with bad settings:\n" + service.tail()).isTrue();
            assertThat(service.process().exitValue()).as(module + "'s exit code").isNotZero();
            String log = Files.readString(service.log());
            for (String message : messages) {
                assertThat(log).as(module + "'s log").contains(message);
            }
        }
    }
}
