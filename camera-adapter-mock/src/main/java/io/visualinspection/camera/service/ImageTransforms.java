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
 *
 * <p>Colour: {@code Mono} (or a Mono pixel format) gives grey pixels; {@code RGB} and {@code null} keep the frame;
 * {@code BGR} swaps the red and blue channels. An encoded image has no channel order of its own, so BGR is
 * emulated as what a consumer reading the image as RGB sees when the camera delivers BGR: a mis-configured camera
 * whose red parts look blue.
 */
public final class ImageTransforms {

    private ImageTransforms() {
    }

    public static boolean changesPixels(PhotoRequest request) {
        ImageParameters p = request.image();
        return (p.rotationAngle() != null && p.rotationAngle() % 360 != 0)
                || p.roiLeft() != null || p.roiTop() != null || p.roiRight() != null || p.roiBottom() != null
                || request.mono() || swapsRedAndBlue(request);
    }

    public static BufferedImage apply(BufferedImage image, PhotoRequest request) {
        ImageParameters p = request.image();
        BufferedImage out = image;
        if (p.rotationAngle() != null && p.rotationAngle() % 360 != 0) {
            out = rotate(out, p.rotationAngle(), Boolean.TRUE.equals(p.rotationExpand()));
        }
        out = crop(out, p);
        if (request.mono()) {
            out = mono(out);
        } else if (swapsRedAndBlue(request)) {
            out = swapRedAndBlue(out);
        }
        return out;
    }

    static boolean swapsRedAndBlue(PhotoRequest request) {
        return "BGR".equals(request.camera().convertToFormat());
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

    static BufferedImage swapRedAndBlue(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            pixels[i] = (p & 0xff00ff00) | ((p >> 16) & 0xff) | ((p & 0xff) << 16);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, pixels, 0, w);
        return out;
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
