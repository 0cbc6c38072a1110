package io.visualinspection.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.inference.engine.DetectionRun;
import io.visualinspection.inference.engine.EngineSettings;
import io.visualinspection.inference.engine.OnnxDetector;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.testing.SharedData;
import io.visualinspection.model.yolo.DecodeOptions;
import io.visualinspection.model.yolo.YoloOutputFormat;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same network exported in the YOLOv8/11 layout ({@code [1, 84, N]}, no objectness, no manifest) is
 * recognised from its output shape and gives the same detections.
 */
class YoloV8LayoutModelTest {

    @Test
    void theV8LayoutIsDetectedAndReproducesTheReference() throws Exception {
        ReferenceDetections reference = ReferenceDetections.load();
        try (OnnxDetector detector = OnnxDetector.load(SharedData.require("models/yolov5s-coco-v8layout"),
                EngineSettings.defaults())) {
            assertThat(detector.format()).isEqualTo(YoloOutputFormat.YOLOV8);
            assertThat(detector.manifest().name()).isEqualTo("yolov5s-coco-v8layout");
            assertThat(detector.classNames().nameOf(0)).isEqualTo("person");
            for (Map.Entry<String, ReferenceDetections.Expected> e : reference.byImage().entrySet()) {
                byte[] bytes = Files.readAllBytes(ReferenceDetections.image(e.getKey()));
                DetectionRun run = detector.detect(ImageCodec.decode(bytes), DecodeOptions.DEFAULT);
                ReferenceDetections.assertMatches(e.getKey(), run.detections(), e.getValue().detections());
            }
        }
    }
}
