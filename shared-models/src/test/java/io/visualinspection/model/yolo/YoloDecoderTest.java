package io.visualinspection.model.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visualinspection.model.Box;
import io.visualinspection.model.Detection;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each output layout decoded from a hand-made tensor whose answer is known. */
class YoloDecoderTest {

    static final DecodeOptions OPTIONS = new DecodeOptions(0.25, 0.45, 300);

    @Test
    void yolov5RowsMultiplyObjectnessAndClassProbabilityAndSuppressOverlaps() {
        float[] data = {
            // cx, cy, w, h, obj, p(c0), p(c1)
            100, 100, 20, 40, 0.9f, 0.1f, 0.8f,   // class 1, 0.72
            101, 100, 20, 40, 0.8f, 0.1f, 0.8f,   // same object, lower: suppressed
            300, 300, 10, 10, 0.2f, 1.0f, 0.0f,   // objectness below threshold
            400, 400, 10, 10, 0.5f, 0.4f, 0.3f,   // 0.2 below threshold
            101, 100, 20, 40, 0.7f, 0.9f, 0.1f,   // overlaps but class 0: kept
        };
        List<Detection> d = YoloDecoder.decode(FloatBuffer.wrap(data), new long[] {1, 5, 7}, YoloOutputFormat.YOLOV5, OPTIONS);
        assertThat(d).hasSize(2);
        assertThat(d.get(0).classId()).isEqualTo(1);
        assertThat(d.get(0).score()).isEqualTo(0.9f * 0.8f);
        assertThat(d.get(0).box()).isEqualTo(new Box(90, 80, 110, 120));
        assertThat(d.get(1).classId()).isZero();
        assertThat(d.get(1).score()).isEqualTo(0.7f * 0.9f);
    }

    @Test
    void yolov8ColumnsHaveNoObjectness() {
        // [1, 4+2, 3]: three candidates in columns.
        float[] data = {
            100, 300, 500,   // cx
            100, 300, 500,   // cy
            20, 10, 10,      // w
            40, 10, 10,      // h
            0.1f, 0.2f, 0.9f, // class 0
            0.8f, 0.1f, 0.3f, // class 1
        };
        List<Detection> d = YoloDecoder.decode(FloatBuffer.wrap(data), new long[] {1, 6, 3}, YoloOutputFormat.YOLOV8, OPTIONS);
        assertThat(d).extracting(Detection::classId).containsExactly(0, 1);
        assertThat(d.get(0).score()).isEqualTo(0.9f);
        assertThat(d.get(0).box()).isEqualTo(new Box(495, 495, 505, 505));
        assertThat(d.get(1).box()).isEqualTo(new Box(90, 80, 110, 120));
    }

    @Test
    void yolov8TakesTheFirstClassWithTheBestScoreFromWhereTheBufferStands() {
        // [1, 4+3, 2] behind two values that are not part of the tensor.
        float[] data = {
            -1, -1,           // before the tensor
            100, 300,         // cx
            100, 300,         // cy
            20, 10,           // w
            40, 10,           // h
            0.3f, 0.6f,       // class 0
            0.7f, 0.6f,       // class 1
            0.7f, 0.2f,       // class 2: ties with class 1 in the first column
        };
        FloatBuffer tensor = FloatBuffer.wrap(data).position(2);
        List<Detection> d = YoloDecoder.decode(tensor, new long[] {1, 7, 2}, YoloOutputFormat.YOLOV8, OPTIONS);
        assertThat(d).extracting(Detection::classId).containsExactly(1, 0);
        assertThat(d).extracting(Detection::score).containsExactly(0.7f, 0.6f);
        assertThat(d.get(1).box()).isEqualTo(new Box(295, 295, 305, 305));
    }

    @Test
    void yolov7EndToEndRowsAreCornersClassScoreOfBatchZero() {
        float[] data = {
            0, 10, 20, 30, 40, 2, 0.9f,
            0, 50, 60, 70, 80, 1, 0.1f,  // below threshold
            1, 10, 20, 30, 40, 2, 0.95f, // another batch
            0, 15, 20, 30, 40, 2, 0.5f,  // overlapping but already NMS'd by the model: kept
        };
        List<Detection> d = YoloDecoder.decode(FloatBuffer.wrap(data), new long[] {4, 7}, YoloOutputFormat.YOLOV7_E2E, OPTIONS);
        assertThat(d).hasSize(2);
        assertThat(d.get(0)).isEqualTo(new Detection(new Box(10, 20, 30, 40), 2, 0.9f));
        assertThat(d.get(1).score()).isEqualTo(0.5f);
    }

    @Test
    void yolov10RowsAreCornersScoreClass() {
        float[] data = {
            10, 20, 30, 40, 0.3f, 5,
            50, 60, 70, 80, 0.9f, 7,
            0, 0, 0, 0, 0, 0, // padding rows of an NMS-free head
        };
        List<Detection> d = YoloDecoder.decode(FloatBuffer.wrap(data), new long[] {1, 3, 6}, YoloOutputFormat.YOLOV10, OPTIONS);
        assertThat(d).containsExactly(
                new Detection(new Box(50, 60, 70, 80), 7, 0.9f),
                new Detection(new Box(10, 20, 30, 40), 5, 0.3f));
    }

    @Test
    void maxDetectionsKeepsTheBest() {
        float[] data = {
            10, 20, 30, 40, 0.3f, 5,
            50, 60, 70, 80, 0.9f, 7,
        };
        List<Detection> d = YoloDecoder.decode(FloatBuffer.wrap(data), new long[] {1, 2, 6}, YoloOutputFormat.YOLOV10,
                new DecodeOptions(0.25, 0.45, 1));
        assertThat(d).extracting(Detection::classId).containsExactly(7);
    }

    @Test
    void formatsAreToldApartByShape() {
        assertThat(YoloOutputFormat.detect(new long[] {1, 25200, 85}, 640, 640)).isEqualTo(YoloOutputFormat.YOLOV5);
        assertThat(YoloOutputFormat.detect(new long[] {1, 84, 8400}, 640, 640)).isEqualTo(YoloOutputFormat.YOLOV8);
        assertThat(YoloOutputFormat.detect(new long[] {1, 84, 25200}, 640, 640)).isEqualTo(YoloOutputFormat.YOLOV8);
        assertThat(YoloOutputFormat.detect(new long[] {100, 7}, 640, 640)).isEqualTo(YoloOutputFormat.YOLOV7_E2E);
        // The ancestor sent this YOLOv10 output down the YOLOv7 branch.
        assertThat(YoloOutputFormat.detect(new long[] {1, 300, 6}, 640, 640)).isEqualTo(YoloOutputFormat.YOLOV10);
        assertThat(YoloOutputFormat.detect(new long[] {1, 25200, 6}, 640, 640))
                .as("a one-class YOLOv5 has the anchor count of its input size").isEqualTo(YoloOutputFormat.YOLOV5);
        assertThat(YoloOutputFormat.detect(new long[] {1, 6300, 6}, 320, 320)).isEqualTo(YoloOutputFormat.YOLOV5);
        assertThatThrownBy(() -> YoloOutputFormat.detect(new long[] {1, 2, 3, 4}, 640, 640))
                .hasMessageContaining("output_format");
    }

    @Test
    void manifestNamesParse() {
        assertThat(YoloOutputFormat.parse("YOLO11")).isEqualTo(YoloOutputFormat.YOLOV8);
        assertThat(YoloOutputFormat.parse("yolov7-e2e")).isEqualTo(YoloOutputFormat.YOLOV7_E2E);
        assertThatThrownBy(() -> YoloOutputFormat.parse("ssd")).hasMessageContaining("known: yolov5");
    }

    @Test
    void aTensorSmallerThanItsShapeIsRefused() {
        assertThatThrownBy(() -> YoloDecoder.decode(FloatBuffer.wrap(new float[6]), new long[] {1, 2, 6},
                YoloOutputFormat.YOLOV10, OPTIONS)).hasMessageContaining("needs 12");
    }
}
