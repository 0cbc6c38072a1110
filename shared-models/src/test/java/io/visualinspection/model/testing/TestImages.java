package io.visualinspection.model.testing;

import io.visualinspection.model.Box;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Images for tests: bytes that ImageIO cannot write, photos made larger, shapes found again. */
public final class TestImages {

    private TestImages() {
    }

    /** The image enlarged {@code times} (bicubic), as a camera frame of the same scene at a higher resolution. */
    public static BufferedImage enlarged(BufferedImage source, int times) {
        BufferedImage large = new BufferedImage(source.getWidth() * times, source.getHeight() * times,
                BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(source, 0, 0, large.getWidth(), large.getHeight(), null);
        g.dispose();
        return large;
    }

    /**
     * The pixel box [x0, y0, x1, y1] (exclusive ends) of the bright pixels, every channel above 128: a white shape
     * on black, found again after the image was turned, scaled or JPEG-encoded.
     */
    public static Box brightBox(BufferedImage image) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 128 && ((rgb >> 8) & 0xff) > 128 && (rgb & 0xff) > 128) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x + 1);
                    y1 = Math.max(y1, y + 1);
                }
            }
        }
        return new Box(x0, y0, x1, y1);
    }

    /** The JPEG with an EXIF APP1 segment (little-endian TIFF, one IFD entry: Orientation) after SOI. */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'I', 'I', 42, 0, 8, 0, 0, 0,          // header, IFD at offset 8
            1, 0,                                  // one entry
            0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0, // 0x0112 SHORT count 1 value
            0, 0, 0, 0,                            // no next IFD
        };
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        int length = exif.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The JPEG with an APP2 ICC_PROFILE segment (the JDK's sRGB profile, one chunk) after SOI, as cameras write. */
    public static byte[] withIccProfile(byte[] jpeg) {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 12 + 2 + profile.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
        out.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {1, 1}); // chunk 1 of 1
        out.writeBytes(profile);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
