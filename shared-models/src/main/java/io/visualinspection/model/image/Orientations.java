package io.visualinspection.model.image;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Turns a decoded image upright according to its EXIF orientation (the eight TIFF orientations). */
final class Orientations {

    private Orientations() {
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
        boolean swap = tiff >= 5;
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
