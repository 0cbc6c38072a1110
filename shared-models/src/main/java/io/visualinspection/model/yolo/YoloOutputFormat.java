package io.visualinspection.model.yolo;

import java.util.Arrays;
import java.util.Locale;

/**
 * The output layouts of the YOLO exports in use. Told apart by the shape of the output tensor, and by the
 * number of anchors a YOLOv5 head has at the model's input size where the shape alone is ambiguous.
 */
public enum YoloOutputFormat {
    /** {@code [1, N, 5+C]}: cx, cy, w, h, objectness, C class probabilities; needs NMS. */
    YOLOV5,
    /** {@code [1, 4+C, N]}: cx, cy, w, h rows then C class-score rows, transposed; no objectness; needs NMS. */
    YOLOV8,
    /** {@code [K, 7]}: batch, x0, y0, x1, y1, class, score; end-to-end, NMS already applied. */
    YOLOV7_E2E,
    /** {@code [1, K, 6]}: x0, y0, x1, y1, score, class; NMS-free head. */
    YOLOV10;

    /**
     * The format that an output of this shape has, for a model whose input is {@code inputWidth x
     * inputHeight}.
     *
     * @throws IllegalArgumentException when no known format has this shape
     */
    public static YoloOutputFormat detect(long[] shape, int inputWidth, int inputHeight) {
        if (shape.length == 2 && shape[1] == 7) {
            return YOLOV7_E2E;
        }
        if (shape.length == 3 && shape[0] == 1) {
            long rows = shape[1];
            long cols = shape[2];
            if (cols == 6) {
                // [1, K, 6] is YOLOv10, unless K is exactly the anchor count of a one-class YOLOv5 head.
                return rows == yolov5Anchors(inputWidth, inputHeight) ? YOLOV5 : YOLOV10;
            }
            if (cols > 5 && rows > cols) {
                return YOLOV5;
            }
            if (rows > 4 && cols > rows) {
                return YOLOV8;
            }
        }
        throw new IllegalArgumentException("output shape " + Arrays.toString(shape) + " is not a known YOLO layout "
                + "(YOLOv5 [1,N,5+C], YOLOv8/11 [1,4+C,N], YOLOv7 end-to-end [K,7], YOLOv10 [1,K,6]); "
                + "set output_format in the model manifest");
    }

    /** Anchor rows of a YOLOv5 head with strides 8, 16, 32 and three anchors each. */
    static long yolov5Anchors(int width, int height) {
        long cells = 0;
        for (int stride : new int[] {8, 16, 32}) {
            cells += (long) (width / stride) * (height / stride);
        }
        return 3 * cells;
    }

    /** Reads a format name as written in a manifest ({@code yolov5}, {@code yolov8}, {@code yolo11}...). */
    public static YoloOutputFormat parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (t) {
            case "yolov5" -> YOLOV5;
            case "yolov8", "yolo11", "yolov11" -> YOLOV8;
            case "yolov7", "yolov7e2e", "yolov7endtoend" -> YOLOV7_E2E;
            case "yolov10" -> YOLOV10;
            default -> throw new IllegalArgumentException("unknown output format '" + text
                    + "'; known: yolov5, yolov8 (also yolo11), yolov7-e2e, yolov10");
        };
    }

    /** Whether raw output of this format still needs non-maximum suppression. */
    public boolean needsNms() {
        return this == YOLOV5 || this == YOLOV8;
    }
}
