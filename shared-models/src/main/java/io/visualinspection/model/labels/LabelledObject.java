package io.visualinspection.model.labels;

import io.visualinspection.model.Box;
import io.visualinspection.model.Detection;

/**
 * One line of a YOLO label file: an object's class and its box normalised to the image size, and, in a file
 * of a model's predictions, its score ({@code null} in a file of labels drawn by a person).
 */
public record LabelledObject(int classId, Box box, Float score) {

    public LabelledObject {
        if (classId < 0) {
            throw new IllegalArgumentException("class id must be >= 0, got " + classId);
        }
        if (box == null) {
            throw new IllegalArgumentException("a labelled object needs a box");
        }
        box.requireOrdered("a labelled box");
        if (score != null && !(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a score is in 0..1, got " + score);
        }
    }

    /** A labelled object without a score, as a person labels it. */
    public static LabelledObject labelled(int classId, Box normalisedBox) {
        return new LabelledObject(classId, normalisedBox, null);
    }

    /**
     * A detector's detection (box in pixels of an image of the given size), normalised and clipped to the
     * image, with its score.
     */
    public static LabelledObject of(Detection pixelDetection, int imageWidth, int imageHeight) {
        return new LabelledObject(pixelDetection.classId(),
                pixelDetection.box().normalised(imageWidth, imageHeight).clippedTo(1, 1), pixelDetection.score());
    }

    public boolean hasScore() {
        return score != null;
    }

    /** The score, or 1 for a labelled object: a label is certain. */
    public float scoreOrOne() {
        return score != null ? score : 1f;
    }

    /** As a detection with the normalised box, the way {@code PatternMatcher.check} takes it. */
    public Detection toDetection() {
        return new Detection(box, classId, scoreOrOne());
    }

    /** As a detection in pixels of an image of the given size. */
    public Detection toPixelDetection(int imageWidth, int imageHeight) {
        return new Detection(box.toPixels(imageWidth, imageHeight), classId, scoreOrOne());
    }

    public LabelledObject withBox(Box normalisedBox) {
        return new LabelledObject(classId, normalisedBox, score);
    }
}
