package io.visualinspection.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.Detection;
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
    void bothResponseWritersWriteTheSameLength() throws Exception {
        ResponseBenchmarks b = new ResponseBenchmarks();
        b.setUp();
        long jackson = b.imagesJacksonBase64();
        assertThat(jackson).isGreaterThan(4 * (b.photo.length + b.drawn.length) / 3);
        assertThat(b.imagesJdkBase64()).isEqualTo(jackson);
    }
}
