package io.visualinspection.benchmarks;

import io.visualinspection.model.Box;
import io.visualinspection.model.ClassNames;
import io.visualinspection.model.Detection;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternCheckResult;
import io.visualinspection.model.pattern.PatternItem;
import io.visualinspection.model.pattern.PatternMatcher;
import io.visualinspection.model.pattern.PatternVariant;
import io.visualinspection.model.render.InspectionRenderer;
import io.visualinspection.model.yolo.DecodeOptions;
import io.visualinspection.model.yolo.Nms;
import io.visualinspection.model.yolo.YoloDecoder;
import io.visualinspection.model.yolo.YoloOutputFormat;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * Decoding YOLO outputs of the sample model's size (25200 candidates, 80 classes) with a realistic share
 * of candidates above the threshold, NMS, pattern matching and drawing; and the end-to-end heads' outputs
 * (YOLOv7 with NMS in the graph, YOLOv10), whose {@value #END_TO_END} rows need no NMS.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DetectionBenchmarks extends HotCodeBenchmark {

    static final int ROWS = 25200;
    static final int CLASSES = 80;
    static final int END_TO_END = 300;

    FloatBuffer yolov5;
    FloatBuffer yolov8;
    FloatBuffer yolov7EndToEnd;
    FloatBuffer yolov10;
    List<Detection> candidates;
    List<Detection> detections;
    Pattern pattern;
    BufferedImage photo;
    PatternCheckResult check;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Random random = new Random(42);
        yolov5 = direct(ROWS * (5 + CLASSES));
        yolov8 = direct((4 + CLASSES) * ROWS);
        for (int r = 0; r < ROWS; r++) {
            // About 300 candidates above 0.25 objectness, clustered on 8 objects, as on a busy photo.
            boolean hit = random.nextInt(84) == 0;
            int object = random.nextInt(8);
            float cx = 80 + object * 60 + random.nextFloat() * 4;
            float cy = 320 + random.nextFloat() * 4;
            float[] row = new float[5 + CLASSES];
            row[0] = cx;
            row[1] = cy;
            row[2] = 50;
            row[3] = 80;
            row[4] = hit ? 0.5f + random.nextFloat() / 2 : random.nextFloat() * 0.05f;
            for (int c = 0; c < CLASSES; c++) {
                row[5 + c] = random.nextFloat() * 0.05f;
            }
            row[5 + object] = 0.9f;
            yolov5.put(r * (5 + CLASSES), row);
            for (int i = 0; i < 4; i++) {
                yolov8.put(i * ROWS + r, row[i]);
            }
            for (int c = 0; c < CLASSES; c++) {
                yolov8.put((4 + c) * ROWS + r, row[4] * row[5 + c]);
            }
        }
        // End-to-end heads: a row per kept box, the 8 objects first, then rows under the score threshold.
        yolov7EndToEnd = direct(END_TO_END * 7);
        yolov10 = direct(END_TO_END * 6);
        for (int k = 0; k < END_TO_END; k++) {
            int object = k % 8;
            float x0 = 55 + object * 60 + random.nextFloat() * 4;
            float score = k < 8 ? 0.9f : random.nextFloat() * 0.2f;
            yolov7EndToEnd.put(k * 7, new float[] {0, x0, 280, x0 + 50, 360, object, score});
            yolov10.put(k * 6, new float[] {x0, 280, x0 + 50, 360, score, object});
        }
        candidates = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int object = i % 8;
            candidates.add(new Detection(Box.fromCenter(80 + object * 60 + random.nextFloat() * 4, 320, 50, 80),
                    object, 0.5f + random.nextFloat() / 2));
        }
        detections = Nms.classAware(candidates, 0.45, 300);
        List<PatternItem> items = new ArrayList<>();
        for (int object = 0; object < 8; object++) {
            double cx = (80 + object * 60) / 640.0;
            items.add(new PatternItem(object, new Box(cx - 0.02, 0.46, cx + 0.02, 0.54),
                    new Box(cx - 0.06, 0.38, cx + 0.06, 0.62)));
        }
        pattern = new Pattern("board", List.of(new PatternVariant("a", items), new PatternVariant("b", items)));
        photo = ImageCodec.decode(Samples.read("coffee.png"));
        check = PatternMatcher.checkPixels(pattern, detections, 640, 640, 0.5, null);
    }

    static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Benchmark
    public List<Detection> decodeYolov5WithNms() {
        return YoloDecoder.decode(yolov5, new long[] {1, ROWS, 5 + CLASSES}, YoloOutputFormat.YOLOV5,
                DecodeOptions.DEFAULT);
    }

    @Benchmark
    public List<Detection> decodeYolov8WithNms() {
        return YoloDecoder.decode(yolov8, new long[] {1, 4 + CLASSES, ROWS}, YoloOutputFormat.YOLOV8,
                DecodeOptions.DEFAULT);
    }

    @Benchmark
    public List<Detection> decodeYolov7EndToEnd() {
        return YoloDecoder.decode(yolov7EndToEnd, new long[] {END_TO_END, 7}, YoloOutputFormat.YOLOV7_E2E,
                DecodeOptions.DEFAULT);
    }

    @Benchmark
    public List<Detection> decodeYolov10() {
        return YoloDecoder.decode(yolov10, new long[] {1, END_TO_END, 6}, YoloOutputFormat.YOLOV10,
                DecodeOptions.DEFAULT);
    }

    @Benchmark
    public List<Detection> nms300Candidates() {
        return Nms.classAware(candidates, 0.45, 300);
    }

    @Benchmark
    public PatternCheckResult patternMatch8Items() {
        return PatternMatcher.checkPixels(pattern, detections, 640, 640, 0.5, null);
    }

    @Benchmark
    public BufferedImage drawInspection600x400() {
        return InspectionRenderer.draw(photo, detections, new ClassNames(List.of())::nameOf, pattern, check);
    }
}
