package io.visualinspection.model.pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.visualinspection.model.Box;

/**
 * One part that must be present: a detection of {@code classId} whose box lies between {@code inner}
 * and {@code outer} (normalised coordinates) satisfies it. The inner bound may be "inverted" (x0 > x1):
 * it only limits how far each edge may move inwards.
 */
public record PatternItem(
        @JsonProperty("class_id") int classId,
        @JsonProperty("inner") Box inner,
        @JsonProperty("outer") Box outer) {

    public PatternItem {
        if (classId < 0) {
            throw new IllegalArgumentException("class_id must be >= 0, got " + classId);
        }
        if (inner == null || outer == null) {
            throw new IllegalArgumentException("an item needs both bounds, inner and outer");
        }
        outer.requireOrdered("the outer bound");
        if (!(outer.x0() <= inner.x0() && outer.y0() <= inner.y0()
                && inner.x1() <= outer.x1() && inner.y1() <= outer.y1())) {
            throw new IllegalArgumentException("the inner bound " + inner + " must lie within the outer bound "
                    + outer + ", otherwise no box can satisfy the item");
        }
    }

    /** SPEC "Patterns": same class and the box between the bounds, inclusive. */
    public boolean isSatisfiedBy(int detectionClassId, Box normalisedBox) {
        return detectionClassId == classId && normalisedBox.liesBetween(inner, outer);
    }
}
