package io.visualinspection.camera;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A line of seven cameras: folder in order (line-a), fixed file and default (line-b), folder at random (line-c),
 * slow and unplugged from the start, one without frames, and one that only the metrics test uses. Every camera
 * has 50 ms latency from {@code camera.faults}; the slow one overrides it.
 */
public class MultiCameraProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("camera.cameras.line-a.serial-number", "CAM-A"),
                Map.entry("camera.cameras.line-a.ip", "127.0.1.11"),
                Map.entry("camera.cameras.line-a.images-dir", "src/test/resources/line-frames"),
                Map.entry("camera.cameras.line-b.serial-number", "CAM-B"),
                Map.entry("camera.cameras.line-b.name", "Station B"),
                Map.entry("camera.cameras.line-b.ip", "127.0.1.12"),
                Map.entry("camera.cameras.line-b.mac", "00:30:53:00:00:0B"),
                Map.entry("camera.cameras.line-b.image-file", "src/test/resources/frames/test-card.png"),
                Map.entry("camera.cameras.line-c.serial-number", "CAM-C"),
                Map.entry("camera.cameras.line-c.ip", "127.0.1.13"),
                Map.entry("camera.cameras.line-c.images-dir", "src/test/resources/line-frames"),
                Map.entry("camera.cameras.line-c.order", "random"),
                Map.entry("camera.cameras.slow.serial-number", "CAM-SLOW"),
                Map.entry("camera.cameras.slow.ip", "127.0.1.14"),
                Map.entry("camera.cameras.slow.image-file", "src/test/resources/frames/test-card.png"),
                Map.entry("camera.cameras.slow.faults.latency-ms", "300"),
                Map.entry("camera.cameras.unplugged.serial-number", "CAM-OFF"),
                Map.entry("camera.cameras.unplugged.ip", "127.0.1.15"),
                Map.entry("camera.cameras.unplugged.image-file", "src/test/resources/frames/test-card.png"),
                Map.entry("camera.cameras.unplugged.faults.disconnected", "true"),
                Map.entry("camera.cameras.empty.serial-number", "CAM-EMPTY"),
                Map.entry("camera.cameras.empty.ip", "127.0.1.16"),
                Map.entry("camera.cameras.empty.images-dir", "target/no-such-folder"),
                Map.entry("camera.cameras.metered.serial-number", "CAM-M"),
                Map.entry("camera.cameras.metered.ip", "127.0.1.17"),
                Map.entry("camera.cameras.metered.image-file", "src/test/resources/frames/test-card.png"),
                Map.entry("camera.default-camera", "line-b"),
                Map.entry("camera.faults.latency-ms", "50"),
                Map.entry("camera.random-seed", "7"));
    }
}
