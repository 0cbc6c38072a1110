package io.visualinspection.frontend.views;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.visualinspection.frontend.client.PatternList;
import io.visualinspection.frontend.config.UiConfig;
import io.visualinspection.frontend.service.ServiceStatus;
import io.visualinspection.frontend.service.ServiceStatus.State;
import io.visualinspection.frontend.service.SystemStatus;
import io.visualinspection.frontend.service.Upstream;
import io.visualinspection.model.InspectionRecord;
import io.visualinspection.model.InspectionResult;
import io.visualinspection.model.manifest.ModelManifest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results, records, patterns, models and statuses as the services send them. */
final class Samples {

    /** The first bytes of a JPEG and of a PNG: enough to tell the media type. */
    static final String JPEG = Base64.getEncoder().encodeToString(
            new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1});
    static final String PNG = Base64.getEncoder().encodeToString(
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private Samples() {
    }

    static UiConfig config(String... keyValues) {
        Map<String, String> props = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(UiConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(props, "test", 500)).build();
        return config.getConfigMapping(UiConfig.class);
    }

    static InspectionResult result(String id, Boolean decision, List<Boolean> lg) {
        return new InspectionResult(id, Instant.parse("2026-11-22T10:40:00Z"), decision,
                decision == null ? "no pattern is configured" : decision ? null
                        : "1 of 2 items of variant 'cat-centred' not found",
                decision == null ? null : "demo-cat", decision == null ? null : "cat-centred", lg,
                new InspectionResult.Images(PNG, JPEG),
                new InspectionResult.Results(List.of(), List.of(15, 0), List.of(0.91f, 0.3f), List.of("cat", "person")),
                "yolov5s-coco", "1.0.11", 451, 300, 0.5,
                orderedTimings());
    }

    private static Map<String, Double> orderedTimings() {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("camera", 40.2);
        t.put("inference", 700.0);
        t.put("pattern", 0.4);
        t.put("total", 812.4);
        return t;
    }

    static InspectionRecord record(String id, Boolean decision) {
        return new InspectionRecord(result(id, decision, decision == null ? null : List.of(decision)),
                Map.of("format", "jpeg"), "camera", null, null, null);
    }

    static PatternList patterns() {
        return new PatternList("demo-cat", List.of(
                new PatternList.Entry("demo-cat", false, List.of(new PatternList.Variant("cat-centred", 1))),
                new PatternList.Entry("lid", true, List.of(new PatternList.Variant("two-screws", 2)))), Map.of());
    }

    static List<ModelManifest> models() {
        ModelManifest yolo = new ModelManifest("yolov5s-coco", "1.0.11", "sample", "detect", "yolov5", 640, 640,
                List.of("person"), null, ModelManifest.standardParameters(0.25, 0.45, 300), true, "cpu", null);
        ModelManifest other = new ModelManifest("parts-v2", "2.1.0", "parts", "detect", "yolov8", 640, 640,
                List.of("screw"), null, ModelManifest.standardParameters(0.3, 0.5, 100), false, "cpu", null);
        return List.of(yolo, other);
    }

    static SystemStatus allUp() {
        return new SystemStatus(List.of(
                new ServiceStatus(Upstream.BACKEND, "Backend", "http://127.0.0.1:5051", State.UP,
                        "ready; camera up, inference up",
                        Map.of("upstreams", Map.of("camera", "up", "inference", "up")), List.of()),
                new ServiceStatus(Upstream.CAMERA, "Camera adapter", "http://127.0.0.1:5050", State.UP,
                        "camera EMU-0001 connected", Map.of("camera EMU-0001", Map.of("state", "connected")),
                        List.of()),
                new ServiceStatus(Upstream.INFERENCE, "Inference", "http://127.0.0.1:5052", State.UP,
                        "default model yolov5s-coco 1.0.11 on cpu", Map.of(), models())),
                Instant.parse("2026-11-22T10:41:00Z"));
    }

    static SystemStatus cameraDisconnected() {
        return new SystemStatus(List.of(
                new ServiceStatus(Upstream.BACKEND, "Backend", "http://127.0.0.1:5051", State.DEGRADED,
                        "not ready: camera down (HTTP 503 Service Unavailable)",
                        Map.of("upstreams", Map.of("camera", "down: HTTP 503 Service Unavailable")), List.of()),
                new ServiceStatus(Upstream.CAMERA, "Camera adapter", "http://127.0.0.1:5050", State.DEGRADED,
                        "camera EMU-0001 disconnected", Map.of("camera EMU-0001", Map.of("state", "disconnected")),
                        List.of()),
                new ServiceStatus(Upstream.INFERENCE, "Inference", "http://127.0.0.1:5052", State.DOWN,
                        "The inference service cannot be reached. Check that it is running.", Map.of(), List.of())),
                Instant.parse("2026-11-22T10:41:00Z"));
    }
}
