package io.visualinspection.model.labels;

import io.visualinspection.model.Box;
import java.util.List;
import java.util.Locale;

/**
 * Moves normalised boxes along with their image when the image is rotated clockwise by
 * {@code degreesClockwise} (0, 90, 180 or 270) and then mirrored: what changes when a camera is mounted
 * differently. {@link Mirror#HORIZONTAL} swaps left and right, {@link Mirror#VERTICAL} top and bottom.
 * Pure geometry: applying it twice to a mirror, or four times to a quarter turn, gives the box back.
 */
public record LabelTransform(int degreesClockwise, Mirror mirror) {

    public enum Mirror {
        NONE, HORIZONTAL, VERTICAL
    }

    public static final LabelTransform IDENTITY = new LabelTransform(0, Mirror.NONE);

    public LabelTransform {
        int d = Math.floorMod(degreesClockwise, 360);
        if (d % 90 != 0) {
            throw new IllegalArgumentException("rotation must be a multiple of 90 degrees, got " + degreesClockwise);
        }
        degreesClockwise = d;
        mirror = mirror == null ? Mirror.NONE : mirror;
    }

    public static LabelTransform rotation(int degreesClockwise) {
        return new LabelTransform(degreesClockwise, Mirror.NONE);
    }

    public static LabelTransform mirroring(Mirror mirror) {
        return new LabelTransform(0, mirror);
    }

    public boolean isIdentity() {
        return degreesClockwise == 0 && mirror == Mirror.NONE;
    }

    /** True when the image's width and height swap (a quarter turn). */
    public boolean swapsSides() {
        return degreesClockwise == 90 || degreesClockwise == 270;
    }

    /** The box (normalised to the old image) normalised to the transformed image. */
    public Box apply(Box b) {
        Box r = switch (degreesClockwise) {
            // A point (x, y) of the old image lands at (1 - y, x) after a clockwise quarter turn.
            case 90 -> new Box(1 - b.y1(), b.x0(), 1 - b.y0(), b.x1());
            case 180 -> new Box(1 - b.x1(), 1 - b.y1(), 1 - b.x0(), 1 - b.y0());
            case 270 -> new Box(b.y0(), 1 - b.x1(), b.y1(), 1 - b.x0());
            default -> b;
        };
        return switch (mirror) {
            case HORIZONTAL -> new Box(1 - r.x1(), r.y0(), 1 - r.x0(), r.y1());
            case VERTICAL -> new Box(r.x0(), 1 - r.y1(), r.x1(), 1 - r.y0());
            case NONE -> r;
        };
    }

    public LabelledObject apply(LabelledObject object) {
        return object.withBox(apply(object.box()));
    }

    public List<LabelledObject> apply(List<LabelledObject> objects) {
        return objects.stream().map(this::apply).toList();
    }

    @Override
    public String toString() {
        if (isIdentity()) {
            return "unchanged";
        }
        String rotation = degreesClockwise == 0 ? "" : "rotated " + degreesClockwise + " degrees clockwise";
        String mirrored = mirror == Mirror.NONE ? "" : "mirrored " + mirror.name().toLowerCase(Locale.ROOT);
        return rotation.isEmpty() ? mirrored : mirrored.isEmpty() ? rotation : rotation + ", then " + mirrored;
    }
}
