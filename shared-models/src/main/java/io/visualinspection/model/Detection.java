package io.visualinspection.model;

/**
 * One object found by a detector: where, which class, how sure. The box is in pixels of the image the
 * detector was given unless a method says otherwise.
 */
public record Detection(Box box, int classId, float score) {

    public Detection {
        if (box == null) {
            throw new IllegalArgumentException("a detection needs a box");
        }
        box.requireOrdered("a detection box");
        if (classId < 0) {
            throw new IllegalArgumentException("class id must be >= 0, got " + classId);
        }
    }

    public Detection withBox(Box newBox) {
        return new Detection(newBox, classId, score);
    }
}
