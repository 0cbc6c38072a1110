package io.visualinspection.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.visualinspection.model.Detection;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.testing.SampleData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's second session, one intra-op thread, for runs beside others: the same detections, on one core. */
class OneCoreSessionTest {

    private static final Path MODEL = SampleData.models().resolve("yolov5s-coco");
    private static final EngineSettings TWO_THREADS = new EngineSettings(2, 1, "all", "cpu");

    @Test
    void oneCoreRunsUseTheMainSessionUntilTheSecondIsPreparedThenDetectTheSame() throws Exception {
        BufferedImage photo = ImageCodec.decode(Files.readAllBytes(SampleData.image("astronaut.png")));
        try (OnnxDetector detector = OnnxDetector.load(MODEL, TWO_THREADS)) {
            DetectionRun before = detector.detect(photo, detector.defaults(), true);
            assertThat(before.oneCore()).as("not prepared yet").isFalse();
            assertThat(detector.hasOneCoreSession()).isFalse();

            detector.prepareOneCoreSession();
            assertThat(detector.hasOneCoreSession()).isTrue();
            List<Detection> allCores = detector.detect(photo, detector.defaults(), false).detections();
            DetectionRun oneCore = detector.detect(photo, detector.defaults(), true);
            assertThat(oneCore.oneCore()).isTrue();
            assertThat(allCores).isNotEmpty();
            assertThat(oneCore.detections()).hasSameSizeAs(allCores);
            for (int i = 0; i < allCores.size(); i++) {
                Detection expected = allCores.get(i);
                Detection actual = oneCore.detections().get(i);
                assertThat(actual.classId()).isEqualTo(expected.classId());
                assertThat(actual.score()).isCloseTo(expected.score(), within(1e-4f));
                assertThat(actual.box().x0()).isCloseTo(expected.box().x0(), within(1e-2));
                assertThat(actual.box().y0()).isCloseTo(expected.box().y0(), within(1e-2));
                assertThat(actual.box().x1()).isCloseTo(expected.box().x1(), within(1e-2));
                assertThat(actual.box().y1()).isCloseTo(expected.box().y1(), within(1e-2));
            }

            detector.close();
            assertThat(detector.hasOneCoreSession()).as("closed with the detector").isFalse();
        }
    }

    @Test
    void aMainSessionOnOneThreadOrAClosedDetectorGetsNoSecondSession() throws Exception {
        try (OnnxDetector oneThread = OnnxDetector.load(MODEL, new EngineSettings(1, 1, "all", "cpu"))) {
            oneThread.prepareOneCoreSession();
            assertThat(oneThread.hasOneCoreSession()).isFalse();
        }
        OnnxDetector closed = OnnxDetector.load(MODEL, TWO_THREADS);
        closed.close();
        closed.prepareOneCoreSession();
        assertThat(closed.hasOneCoreSession()).isFalse();
    }
}
