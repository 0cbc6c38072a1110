package io.visualinspection.model.image;

import io.visualinspection.model.Box;
import java.awt.image.BufferedImage;

/**
 * An image decoded for a detector: its pixels, at {@code 1 / factor} of the image's size when the JPEG decoder
 * reduced it ({@link ImageCodec#decodeForInput}), and the size of the image itself, upright. A box found on the
 * pixels is mapped back to the image with {@link #toImage(Box)}.
 *
 * <p>A reduced pixel stands for {@code factor x factor} pixels of the image, except along the right and bottom
 * edges of the JPEG as stored, where a side that is not a multiple of the factor leaves a narrower last pixel. When
 * the EXIF orientation turns or mirrors that edge to the left or top of the upright image, the image's pixels there
 * start {@code offsetX} ({@code offsetY}) pixels later than a whole reduced pixel would.
 */
public record ReducedImage(BufferedImage pixels, int factor, int width, int height, int offsetX, int offsetY) {

    public ReducedImage {
        if (factor != 1 && factor != 2 && factor != 4 && factor != 8) {
            throw new IllegalArgumentException("a reduction factor is 1, 2, 4 or 8, got " + factor);
        }
        if (offsetX < 0 || offsetX >= factor || offsetY < 0 || offsetY >= factor) {
            throw new IllegalArgumentException("offsets are 0.." + (factor - 1) + ", got " + offsetX + ", " + offsetY);
        }
    }

    /** An image decoded at its own size. */
    public static ReducedImage full(BufferedImage image) {
        return new ReducedImage(image, 1, image.getWidth(), image.getHeight(), 0, 0);
    }

    /** A box on the pixels as a box on the image, clipped to it. */
    public Box toImage(Box box) {
        if (factor == 1) {
            return box;
        }
        return new Box(box.x0() * factor - offsetX, box.y0() * factor - offsetY, box.x1() * factor - offsetX,
                box.y1() * factor - offsetY).clippedTo(width, height);
    }
}
