package io.visualinspection.camera.service;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import io.visualinspection.model.image.ImageCodec;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes frames as the adapter delivers them: JPEG, PNG and BMP with the JDK (shared {@link ImageCodec}), WebP
 * with libwebp through webp-imageio (lossy, at the requested quality). The WebP writer is made directly rather
 * than looked up in ImageIO's process-wide registry, which may hold a plugin of an earlier class loader.
 */
public final class PhotoEncoder {

    public static final Set<String> FORMATS = Set.of("jpeg", "png", "bmp", "webp");

    private static volatile String webpProblem;
    private static volatile boolean webpChecked;

    private PhotoEncoder() {
    }

    public static byte[] encode(BufferedImage image, String format, int quality) {
        if (format.equals("webp")) {
            return encodeWebp(image, quality);
        }
        return ImageCodec.encode(image, format, quality);
    }

    /** Whether libwebp loads on this platform (it is bundled for Linux, macOS and Windows on common CPUs). */
    public static boolean webpAvailable() {
        if (!webpChecked) {
            try {
                encodeWebp(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), 50);
                webpProblem = null;
            } catch (LinkageError | RuntimeException e) {
                webpProblem = "no WebP encoder on this platform (" + e + ")";
            }
            webpChecked = true;
        }
        return webpProblem == null;
    }

    public static String webpUnavailableReason() {
        return webpProblem;
    }

    static byte[] encodeWebp(BufferedImage image, int quality) {
        ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            WebPWriteParam param = (WebPWriteParam) writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(CompressionType.Lossy);
            param.setCompressionQuality(Math.max(1, Math.min(100, quality)) / 100f);
            writer.write(null, new IIOImage(rgb(image), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("WebP encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** WebP has no grey or indexed mode: everything goes in as plain RGB. */
    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
