package io.visualinspection.camera.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The emulator's meters, tagged by camera serial number: {@code camera_photos_taken_total}, {@code
 * camera_failures_total} by kind, and the {@code camera_photo_seconds} histogram by outcome ({@code ok} or a
 * failure kind). Counters start at 0 for every camera and kind, so that rates and alerts work from the first scrape.
 */
@ApplicationScoped
public class CameraMetrics {

    static final String OK = "ok";

    private final MeterRegistry registry;

    CameraMetrics(MeterRegistry registry, CameraRegistry cameras) {
        this.registry = registry;
        for (VirtualCamera camera : cameras.all()) {
            taken(camera);
            for (FailureKind kind : FailureKind.values()) {
                failures(camera, kind);
            }
        }
    }

    public void photoTaken(VirtualCamera camera, long nanos) {
        taken(camera).increment();
        timer(camera, OK).record(Duration.ofNanos(nanos));
    }

    public void photoFailed(VirtualCamera camera, FailureKind kind, long nanos) {
        failures(camera, kind).increment();
        timer(camera, kind.tag()).record(Duration.ofNanos(nanos));
    }

    private Counter taken(VirtualCamera camera) {
        return Counter.builder("camera.photos.taken").description("Photos delivered intact")
                .tag("camera", camera.serialNumber()).register(registry);
    }

    private Counter failures(VirtualCamera camera, FailureKind kind) {
        return Counter.builder("camera.failures").description("Photos that failed, by kind")
                .tag("camera", camera.serialNumber()).tag("kind", kind.tag()).register(registry);
    }

    private Timer timer(VirtualCamera camera, String outcome) {
        return Timer.builder("camera.photo").description("Duration of take-photo, exposure and faults included")
                .tag("camera", camera.serialNumber()).tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
