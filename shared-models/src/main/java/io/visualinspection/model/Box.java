package io.visualinspection.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * An axis-aligned box {@code [x0, y0, x1, y1]}: top-left and bottom-right corner, in pixels or in
 * coordinates normalised to the image size, depending on where it is used. Serialised as a 4-number
 * array, the shape every endpoint of SPEC.md uses. Only finiteness is enforced here; see
 * {@link #isOrdered()}.
 */
public record Box(double x0, double y0, double x1, double y1) {

    public Box {
        if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(x1) || !Double.isFinite(y1)) {
            throw new IllegalArgumentException("box coordinates must be finite numbers, got "
                    + List.of(x0, y0, x1, y1));
        }
    }

    /**
     * True when the corners are in order (x0 <= x1, y0 <= y1). Detections always are; the inner bound of
     * a pattern item may not be, because it only limits how far each edge may move.
     */
    public boolean isOrdered() {
        return x0 <= x1 && y0 <= y1;
    }

    /** This box, or a 400-worthy message naming {@code what} when its corners are out of order. */
    public Box requireOrdered(String what) {
        if (!isOrdered()) {
            throw new IllegalArgumentException(what + " needs x0 <= x1 and y0 <= y1 ([x0, y0, x1, y1]), got " + this);
        }
        return this;
    }

    /**
     * This box, or a 400-worthy message naming {@code what} when it cannot be in coordinates normalised to the
     * image: a corner more than one image size outside it. Such a box is almost always in pixels, and would never
     * match (or always miss) a pattern without a word.
     */
    public Box requireNormalised(String what) {
        for (double v : toArray()) {
            if (v < -1 || v > 2) {
                throw new IllegalArgumentException(what + " must be normalised to the image size (0..1, at most one "
                        + "image size beyond it), got " + this + "; in pixels? divide x by the image's width and y "
                        + "by its height");
            }
        }
        return this;
    }

    @JsonCreator
    public static Box of(double[] xyxy) {
        if (xyxy == null || xyxy.length != 4) {
            throw new IllegalArgumentException("a box is 4 numbers [x0, y0, x1, y1], got "
                    + (xyxy == null ? "nothing" : xyxy.length + " numbers"));
        }
        return new Box(xyxy[0], xyxy[1], xyxy[2], xyxy[3]);
    }

    /** A box from its centre and size, the way YOLO models and label files describe it. */
    public static Box fromCenter(double cx, double cy, double w, double h) {
        return new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    @JsonValue
    public double[] toArray() {
        return new double[] {x0, y0, x1, y1};
    }

    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }

    public double centerX() {
        return (x0 + x1) / 2;
    }

    public double centerY() {
        return (y0 + y1) / 2;
    }

    public double area() {
        return width() * height();
    }

    /** Intersection over union; 0 when either box is empty. */
    public double iou(Box other) {
        double ix = Math.min(x1, other.x1) - Math.max(x0, other.x0);
        double iy = Math.min(y1, other.y1) - Math.max(y0, other.y0);
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        double intersection = ix * iy;
        double union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /** True when this box lies between the two bounds, inclusive: SPEC "Patterns". */
    public boolean liesBetween(Box inner, Box outer) {
        return outer.x0 <= x0 && x0 <= inner.x0
                && outer.y0 <= y0 && y0 <= inner.y0
                && inner.x1 <= x1 && x1 <= outer.x1
                && inner.y1 <= y1 && y1 <= outer.y1;
    }

    /** True when {@code other} lies completely inside this box (edges included). */
    public boolean contains(Box other) {
        return x0 <= other.x0 && y0 <= other.y0 && other.x1 <= x1 && other.y1 <= y1;
    }

    public Box scaled(double sx, double sy) {
        return new Box(x0 * sx, y0 * sy, x1 * sx, y1 * sy);
    }

    /** This pixel box in coordinates normalised to an image of the given size. */
    public Box normalised(int imageWidth, int imageHeight) {
        return scaled(1.0 / imageWidth, 1.0 / imageHeight);
    }

    /** This normalised box in pixels of an image of the given size. */
    public Box toPixels(int imageWidth, int imageHeight) {
        return scaled(imageWidth, imageHeight);
    }

    public Box clippedTo(double width, double height) {
        return new Box(clamp(x0, width), clamp(y0, height), clamp(x1, width), clamp(y1, height));
    }

    /** This box grown by {@code dx}/{@code dy} on each side (shrunk when negative, never inverted). */
    public Box expanded(double dx, double dy) {
        double nx0 = x0 - dx;
        double nx1 = x1 + dx;
        double ny0 = y0 - dy;
        double ny1 = y1 + dy;
        if (nx1 < nx0) {
            nx0 = nx1 = centerX();
        }
        if (ny1 < ny0) {
            ny0 = ny1 = centerY();
        }
        return new Box(nx0, ny0, nx1, ny1);
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%.4g, %.4g, %.4g, %.4g]", x0, y0, x1, y1);
    }
}
