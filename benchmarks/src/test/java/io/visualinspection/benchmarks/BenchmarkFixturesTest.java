package io.visualinspection.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.Detection;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.testing.JpegLibrary;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what they say: each decoder finds the fixture's 8 objects, both writers the same JSON. */
class BenchmarkFixturesTest {

    @BeforeAll
    static void samplesFromTheRepository() {
        if (System.getProperty("samples.dir") == null) {
            System.setProperty("samples.dir", "../samples/images"); // tests run in the module's folder
        }
    }

    @Test
    void everyDecoderFindsTheEightObjects() throws Exception {
        DetectionBenchmarks b = new DetectionBenchmarks();
        b.setUp();
        for (List<Detection> found : List.of(b.decodeYolov5WithNms(), b.decodeYolov8WithNms(),
                b.decodeYolov7EndToEnd(), b.decodeYolov10())) {
            assertThat(found.stream().mapToInt(Detection::classId).sorted())
                    .containsExactlyElementsOf(IntStream.range(0, 8).boxed().toList());
        }
        assertThat(b.nms300Candidates()).hasSize(8);
        assertThat(b.patternMatch8Items().decision()).isTrue();
    }

    @Test
    void theReducedFrameIsHalfTheFrameAndFillsTheSameTensorArea() throws Exception {
        JpegLibrary.require();
        ImageBenchmarks b = new ImageBenchmarks();
        b.setUp();
        assertThat(ImageCodec.decodeForInput(b.frameJpeg, ImageCodec.DEFAULT_MAX_PIXELS, 640, 640).factor())
                .isEqualTo(2);
        float[] whole = new float[3 * 640 * 640];
        b.frameToTensorWhole1920x1200().get(0, whole);
        float[] reduced = new float[3 * 640 * 640];
        b.frameToTensorReduced1920x1200().get(0, reduced);
        double difference = 0;
        for (int i = 0; i < whole.length; i++) {
            difference += Math.abs(whole[i] - reduced[i]);
        }
        // The same picture in the same place (the padding included); values differ by the resampling only.
        assertThat(difference / whole.length).isLessThan(0.02);
    }

    @Test
    void bothResponseWritersWriteTheSameLength() throws Exception {
        ResponseBenchmarks b = new ResponseBenchmarks();
        b.setUp();
        long jackson = b.imagesJacksonBase64();
        assertThat(jackson).isGreaterThan(4 * (b.photo.length + b.drawn.length) / 3);
        assertThat(b.imagesJdkBase64()).isEqualTo(jackson);
    }
}
