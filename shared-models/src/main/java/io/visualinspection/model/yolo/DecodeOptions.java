package io.visualinspection.model.yolo;

/**
 * Thresholds applied while decoding: a candidate is kept when its score is above {@code scoreThreshold};
 * NMS suppresses a box whose IoU with a better one of its class is above {@code iouThreshold}; at most
 * {@code maxDetections} are returned, best first.
 */
public record DecodeOptions(double scoreThreshold, double iouThreshold, int maxDetections) {

    public static final DecodeOptions DEFAULT = new DecodeOptions(0.25, 0.45, 300);

    public DecodeOptions {
        if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) {
            throw new IllegalArgumentException("score_threshold must be in 0..1, got " + scoreThreshold);
        }
        if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("iou_threshold must be in 0..1, got " + iouThreshold);
        }
        if (maxDetections < 1) {
            throw new IllegalArgumentException("max_detections must be >= 1, got " + maxDetections);
        }
    }
}
