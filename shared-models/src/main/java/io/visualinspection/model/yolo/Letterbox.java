package io.visualinspection.model.yolo;

import io.visualinspection.model.Box;
import io.visualinspection.model.Detection;

/**
 * The geometry of a true letterbox: the source image scaled by one factor (aspect kept) to fit the
 * model input, centred, the rest padded. {@link #toSource} undoes it exactly, padding subtracted, which
 * is what the ancestor system got wrong (it stretched the image).
 *
 * <p>Rounding follows the reference pre-processing of the sample model (Ultralytics {@code letterbox}):
 * sizes round half to even, the left/top padding is {@code round(pad / 2 - 0.1)}.
 */
public record Letterbox(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight, double scale,
        int resizedWidth, int resizedHeight, int padLeft, int padTop) {

    public static Letterbox of(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight) {
        if (sourceWidth <= 0 || sourceHeight <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + sourceWidth + "x" + sourceHeight);
        }
        if (targetWidth <= 0 || targetHeight <= 0) {
            throw new IllegalArgumentException("model input size must be positive, got "
                    + targetWidth + "x" + targetHeight);
        }
        double scale = Math.min((double) targetHeight / sourceHeight, (double) targetWidth / sourceWidth);
        int resizedWidth = clampSize(Math.rint(sourceWidth * scale), targetWidth);
        int resizedHeight = clampSize(Math.rint(sourceHeight * scale), targetHeight);
        int padLeft = (int) Math.round((targetWidth - resizedWidth) / 2.0 - 0.1);
        int padTop = (int) Math.round((targetHeight - resizedHeight) / 2.0 - 0.1);
        return new Letterbox(sourceWidth, sourceHeight, targetWidth, targetHeight, scale, resizedWidth,
                resizedHeight, padLeft, padTop);
    }

    public static Letterbox square(int sourceWidth, int sourceHeight, int size) {
        return of(sourceWidth, sourceHeight, size, size);
    }

    private static int clampSize(double v, int max) {
        return (int) Math.max(1, Math.min(max, v));
    }

    /** A box in model-input pixels mapped back to pixels of the source image, clipped to it. */
    public Box toSource(Box modelBox) {
        return new Box(
                (modelBox.x0() - padLeft) / scale,
                (modelBox.y0() - padTop) / scale,
                (modelBox.x1() - padLeft) / scale,
                (modelBox.y1() - padTop) / scale)
                .clippedTo(sourceWidth, sourceHeight);
    }

    /** A box in source pixels mapped into model-input pixels (the inverse of {@link #toSource}). */
    public Box toTarget(Box sourceBox) {
        return new Box(
                sourceBox.x0() * scale + padLeft,
                sourceBox.y0() * scale + padTop,
                sourceBox.x1() * scale + padLeft,
                sourceBox.y1() * scale + padTop);
    }

    public Detection toSource(Detection modelDetection) {
        return modelDetection.withBox(toSource(modelDetection.box()));
    }
}
