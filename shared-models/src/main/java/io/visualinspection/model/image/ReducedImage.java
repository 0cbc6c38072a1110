package io.visualinspection.model.image;

import io.visualinspection.model.Box;
import java.awt.image.BufferedImage;

/**
 * An image decoded for a detector: its pixels, at {@code 1 / factor} of the image's size when the JPEG decoder
 * reduced it ({@link ImageCodec#decodeForInput}), and the size of the image itself, upright. A box found on the
 * pixels is mapped back to the image with {@link #toImage(Box)}.
 */
public record ReducedImage(BufferedImage pixels, int factor, int width, int height) {

    public ReducedImage {
        if (factor != 1 && factor != 2 && factor != 4 && factor != 8) {
            throw new IllegalArgumentException("a reduction factor is 1, 2, 4 or 8, got " + factor);
        }
    }

    /** An image decoded at its own size. */
    public static ReducedImage full(BufferedImage image) {
        return new ReducedImage(image, 1, image.getWidth(), image.getHeight());
    }

    /**
     * A box on the pixels as a box on the image. A reduced pixel covers {@code factor x factor} pixels of the
     * image; where the image's size is not a multiple of the factor the last pixel covers fewer, so a box is
     * within one pixel of the image's own grid and clipped to it.
     */
    public Box toImage(Box box) {
        return factor == 1 ? box : box.scaled(factor, factor).clippedTo(width, height);
    }
}
