package io.visualinspection.model.yolo;

import io.visualinspection.model.Box;
import io.visualinspection.model.Detection;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a YOLO output tensor into detections in model-input pixels, best score first. Pure: the tensor
 * comes in as its flat float data and shape, so every format can be tested on hand-made tensors.
 */
public final class YoloDecoder {

    private YoloDecoder() {
    }

    public static List<Detection> decode(FloatBuffer data, long[] shape, YoloOutputFormat format,
            DecodeOptions options) {
        long expected = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (data.remaining() < expected) {
            throw new IllegalArgumentException("output holds " + data.remaining() + " values, shape "
                    + Arrays.toString(shape) + " needs " + expected);
        }
        List<Detection> candidates = switch (format) {
            case YOLOV5 -> yolov5(data, shape, options.scoreThreshold());
            case YOLOV8 -> yolov8(data, shape, options.scoreThreshold());
            case YOLOV7_E2E -> yolov7EndToEnd(data, shape, options.scoreThreshold());
            case YOLOV10 -> yolov10(data, shape, options.scoreThreshold());
        };
        if (format.needsNms()) {
            return Nms.classAware(candidates, options.iouThreshold(), options.maxDetections());
        }
        candidates.sort((a, b) -> Float.compare(b.score(), a.score()));
        return candidates.size() > options.maxDetections()
                ? new ArrayList<>(candidates.subList(0, options.maxDetections())) : candidates;
    }

    /** {@code [1, N, 5+C]}: score = objectness x best class probability. */
    private static List<Detection> yolov5(FloatBuffer d, long[] shape, double threshold) {
        requireRank(shape, 3, YoloOutputFormat.YOLOV5);
        int rows = (int) shape[1];
        int width = (int) shape[2];
        int classes = width - 5;
        if (classes < 1) {
            throw new IllegalArgumentException("a YOLOv5 output row needs 5 + classes values, got " + width);
        }
        int base = d.position();
        List<Detection> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int o = base + r * width;
            float objectness = d.get(o + 4);
            if (!(objectness > threshold)) {
                continue;
            }
            int best = 0;
            float bestProb = d.get(o + 5);
            for (int c = 1; c < classes; c++) {
                float p = d.get(o + 5 + c);
                if (p > bestProb) {
                    bestProb = p;
                    best = c;
                }
            }
            float score = objectness * bestProb;
            if (score > threshold) {
                addCentred(out, d.get(o), d.get(o + 1), d.get(o + 2), d.get(o + 3), best, score);
            }
        }
        return out;
    }

    /** {@code [1, 4+C, N]}: column-major candidates, score = best class score. */
    private static List<Detection> yolov8(FloatBuffer d, long[] shape, double threshold) {
        requireRank(shape, 3, YoloOutputFormat.YOLOV8);
        int rows = (int) shape[1];
        int n = (int) shape[2];
        int classes = rows - 4;
        if (classes < 1) {
            throw new IllegalArgumentException("a YOLOv8 output needs 4 + classes rows, got " + rows);
        }
        int base = d.position();
        List<Detection> out = new ArrayList<>();
        float[] bestScore = new float[n];
        float[] row = new float[n];
        // The best score per candidate first, walking the class rows in memory order, each copied out of the
        // tensor in bulk: a maximum over plain arrays, which the JIT compiles to vector instructions. The class
        // is looked up afterwards, only for the few candidates above the threshold.
        d.get(base + 4 * n, bestScore);
        for (int c = 1; c < classes; c++) {
            d.get(base + (4 + c) * n, row);
            for (int i = 0; i < n; i++) {
                bestScore[i] = Math.max(bestScore[i], row[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (bestScore[i] > threshold) {
                int best = 0;
                while (d.get(base + (4 + best) * n + i) != bestScore[i]) {
                    best++; // the first class with the best score, as a strict comparison would keep
                }
                addCentred(out, d.get(base + i), d.get(base + n + i), d.get(base + 2 * n + i),
                        d.get(base + 3 * n + i), best, bestScore[i]);
            }
        }
        return out;
    }

    /** {@code [K, 7]}: batch, x0, y0, x1, y1, class, score (batch 0 only). */
    private static List<Detection> yolov7EndToEnd(FloatBuffer d, long[] shape, double threshold) {
        requireRank(shape, 2, YoloOutputFormat.YOLOV7_E2E);
        int rows = (int) shape[0];
        int base = d.position();
        List<Detection> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int o = base + r * 7;
            if (d.get(o) != 0f) {
                continue;
            }
            float score = d.get(o + 6);
            if (score > threshold) {
                addCorners(out, d.get(o + 1), d.get(o + 2), d.get(o + 3), d.get(o + 4), Math.round(d.get(o + 5)),
                        score);
            }
        }
        return out;
    }

    /** {@code [1, K, 6]}: x0, y0, x1, y1, score, class. */
    private static List<Detection> yolov10(FloatBuffer d, long[] shape, double threshold) {
        requireRank(shape, 3, YoloOutputFormat.YOLOV10);
        int rows = (int) shape[1];
        int base = d.position();
        List<Detection> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int o = base + r * 6;
            float score = d.get(o + 4);
            if (score > threshold) {
                addCorners(out, d.get(o), d.get(o + 1), d.get(o + 2), d.get(o + 3), Math.round(d.get(o + 5)), score);
            }
        }
        return out;
    }

    private static void requireRank(long[] shape, int rank, YoloOutputFormat format) {
        if (shape.length != rank) {
            throw new IllegalArgumentException(format + " output must have rank " + rank + ", got shape "
                    + Arrays.toString(shape));
        }
    }

    private static void addCentred(List<Detection> out, float cx, float cy, float w, float h, int classId,
            float score) {
        if (w > 0 && h > 0 && Float.isFinite(cx) && Float.isFinite(cy) && Float.isFinite(w) && Float.isFinite(h)) {
            out.add(new Detection(Box.fromCenter(cx, cy, w, h), classId, score));
        }
    }

    private static void addCorners(List<Detection> out, float x0, float y0, float x1, float y1, int classId,
            float score) {
        if (x1 >= x0 && y1 >= y0 && classId >= 0 && Float.isFinite(x0) && Float.isFinite(y0)
                && Float.isFinite(x1) && Float.isFinite(y1)) {
            out.add(new Detection(new Box(x0, y0, x1, y1), classId, score));
        }
    }
}
