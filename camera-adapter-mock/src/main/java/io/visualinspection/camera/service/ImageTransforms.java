package io.visualinspection.camera.service;

import io.visualinspection.model.camera.ImageParameters;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The image operations of the Basler adapter, in its order: rotate (degrees counter-clockwise, as PIL
 * does; with {@code rotation_expand} the canvas grows to hold the whole image, else it keeps its size and
 * corners are cut), then crop to the region of interest given in the rotated image, then convert colour.
 */
public final class ImageTransforms {

    private ImageTransforms() {
    }

    public static boolean changesPixels(ImageParameters p, String convertToFormat) {
        return (p.rotationAngle() != null && p.rotationAngle() % 360 != 0)
                || p.roiLeft() != null || p.roiTop() != null || p.roiRight() != null || p.roiBottom() != null
                || "Mono".equals(convertToFormat);
    }

    public static BufferedImage apply(BufferedImage image, ImageParameters p, String convertToFormat) {
        BufferedImage out = image;
        if (p.rotationAngle() != null && p.rotationAngle() % 360 != 0) {
            out = rotate(out, p.rotationAngle(), Boolean.TRUE.equals(p.rotationExpand()));
        }
        out = crop(out, p);
        if ("Mono".equals(convertToFormat)) {
            out = mono(out);
        }
        return out;
    }

    static BufferedImage rotate(BufferedImage image, double degrees, boolean expand) {
        double radians = Math.toRadians(degrees);
        int w = image.getWidth();
        int h = image.getHeight();
        int nw = w;
        int nh = h;
        if (expand) {
            double sin = Math.abs(Math.sin(radians));
            double cos = Math.abs(Math.cos(radians));
            nw = (int) Math.round(w * cos + h * sin);
            nh = (int) Math.round(w * sin + h * cos);
        }
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, nw, nh);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform t = new AffineTransform();
            t.translate(nw / 2.0, nh / 2.0);
            t.rotate(-radians); // counter-clockwise on screen, y pointing down
            t.translate(-w / 2.0, -h / 2.0);
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static BufferedImage crop(BufferedImage image, ImageParameters p) {
        int w = image.getWidth();
        int h = image.getHeight();
        int left = edge(p.roiLeft(), w, 0);
        int top = edge(p.roiTop(), h, 0);
        int right = edge(p.roiRight(), w, w);
        int bottom = edge(p.roiBottom(), h, h);
        if (left == 0 && top == 0 && right == w && bottom == h) {
            return image;
        }
        if (right <= left || bottom <= top) {
            throw new IllegalArgumentException("the region of interest is empty: left " + left + ", top " + top
                    + ", right " + right + ", bottom " + bottom + " in a " + w + "x" + h + " image");
        }
        BufferedImage out = new BufferedImage(right - left, bottom - top, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, -left, -top, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A ROI edge in pixels: values up to 1 are fractions of the side, larger values pixels; clamped. */
    static int edge(Double value, int side, int fallback) {
        if (value == null) {
            return fallback;
        }
        double px = value <= 1 ? value * side : value;
        return (int) Math.max(0, Math.min(side, Math.round(px)));
    }

    static BufferedImage mono(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
