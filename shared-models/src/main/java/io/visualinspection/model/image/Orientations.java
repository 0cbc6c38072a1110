package io.visualinspection.model.image;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Turns a decoded image upright according to its EXIF orientation (the eight TIFF orientations). */
final class Orientations {

    private Orientations() {
    }

    /** Whether the orientation (1..8) shows the stored width as the height: the upright image's sides swap. */
    static boolean swapsSides(int tiff) {
        return tiff >= 5 && tiff <= 8;
    }

    /**
     * A reduced decoding turned upright, with the size and offsets of the upright image: the narrower last pixel of
     * a stored side that is not a multiple of the factor lies at the stored right and bottom edges, and comes first
     * in the upright image where the orientation reverses that axis.
     */
    static ReducedImage apply(ReducedImage stored, int tiff) {
        int factor = stored.factor();
        int excessX = stored.pixels().getWidth() * factor - stored.width();
        int excessY = stored.pixels().getHeight() * factor - stored.height();
        boolean reversesX = tiff == 2 || tiff == 3 || tiff == 7 || tiff == 8;
        boolean reversesY = tiff == 3 || tiff == 4 || tiff == 6 || tiff == 7;
        boolean swap = swapsSides(tiff); // upright x from stored y, and y from x
        return new ReducedImage(apply(stored.pixels(), tiff), factor,
                swap ? stored.height() : stored.width(), swap ? stored.width() : stored.height(),
                swap ? (reversesY ? excessY : 0) : (reversesX ? excessX : 0),
                swap ? (reversesX ? excessX : 0) : (reversesY ? excessY : 0));
    }

    /** @param tiff the TIFF/EXIF orientation 1..8 */
    static BufferedImage apply(BufferedImage image, int tiff) {
        double w = image.getWidth();
        double h = image.getHeight();
        // x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12, in continuous pixel coordinates.
        AffineTransform t = switch (tiff) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored horizontally
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // rotated 180
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored vertically
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // needs 90 clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // needs 90 counter-clockwise
            default -> null;
        };
        if (t == null) {
            return image;
        }
        boolean swap = swapsSides(tiff);
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage out = new BufferedImage(swap ? image.getHeight() : image.getWidth(),
                swap ? image.getWidth() : image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
