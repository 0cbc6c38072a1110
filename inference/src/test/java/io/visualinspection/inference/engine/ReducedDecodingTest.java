package io.visualinspection.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.Detection;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ReducedImage;
import io.visualinspection.model.testing.JpegLibrary;
import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large JPEG decoded reduced finds what the whole decode finds, with boxes in pixels of the image itself: the
 * sample photos enlarged three times, as camera frames of the same scenes.
 */
class ReducedDecodingTest {

    private static final Path MODEL = SampleData.models().resolve("yolov5s-coco");

    @Test
    void aLargeFrameDecodedReducedFindsTheSameObjectsInTheSamePlaces() throws Exception {
        JpegLibrary.require(); // reduced decoding is libjpeg-turbo's
        try (OnnxDetector detector = OnnxDetector.load(MODEL, new EngineSettings(2, 1, "all", "cpu"))) {
            int compared = 0;
            for (String name : List.of("astronaut.png", "chelsea.png", "coffee.png")) {
                BufferedImage photo = ImageCodec.decode(Files.readAllBytes(SampleData.image(name)));
                BufferedImage frame = TestImages.enlarged(photo, 3);
                byte[] jpeg = ImageCodec.encodeJpeg(frame, 95);

                ReducedImage reduced = ImageCodec.decodeForInput(jpeg, ImageCodec.DEFAULT_MAX_PIXELS,
                        detector.inputWidth(), detector.inputHeight());
                assertThat(reduced.factor()).as(name).isEqualTo(2);
                List<Detection> fromReduced = detector.detect(reduced, detector.defaults(), false).detections();
                List<Detection> fromWhole = detector.detect(ReducedImage.full(ImageCodec.decode(jpeg)),
                        detector.defaults(), false).detections();

                assertThat(fromWhole).as(name).isNotEmpty();
                assertFound(name + ", whole in reduced", fromWhole, fromReduced);
                assertFound(name + ", reduced in whole", fromReduced, fromWhole);
                for (Detection d : fromReduced) {
                    assertThat(d.box().x1()).isLessThanOrEqualTo(frame.getWidth());
                    assertThat(d.box().y1()).isLessThanOrEqualTo(frame.getHeight());
                }
                compared += fromWhole.size();
            }
            assertThat(compared).isGreaterThanOrEqualTo(3);
        }
    }

    /** Every confident detection of {@code expected} has one of the same class in {@code actual}, in its place. */
    private static void assertFound(String what, List<Detection> expected, List<Detection> actual) {
        for (Detection e : expected) {
            if (e.score() < 0.5) {
                continue; // a weak one may fall either side of the threshold
            }
            double best = actual.stream().filter(a -> a.classId() == e.classId())
                    .mapToDouble(a -> a.box().iou(e.box())).max().orElse(0);
            assertThat(best).as(what + ": class " + e.classId() + " at " + e.box()).isGreaterThan(0.9);
        }
    }
}
