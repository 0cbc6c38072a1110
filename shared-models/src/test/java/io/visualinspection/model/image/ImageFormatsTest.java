package io.visualinspection.model.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.testing.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The image variants cameras and users send, decoded to the right pixels: every case uses a test card
 * with a red left half and a blue right half (and a green top-left corner where orientation matters).
 */
class ImageFormatsTest {

    static BufferedImage card(int type) {
        BufferedImage img = new BufferedImage(40, 20, type);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 20, 20);
        g.setColor(Color.BLUE);
        g.fillRect(20, 0, 20, 20);
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 6, 6);
        g.dispose();
        return img;
    }

    static boolean near(int argb, Color c) {
        Color p = new Color(argb);
        return Math.abs(p.getRed() - c.getRed()) < 50 && Math.abs(p.getGreen() - c.getGreen()) < 50
                && Math.abs(p.getBlue() - c.getBlue()) < 50;
    }

    static void assertRedBlue(BufferedImage img) {
        assertThat(img.getWidth()).isEqualTo(40);
        assertThat(img.getHeight()).isEqualTo(20);
        assertThat(near(img.getRGB(10, 14), Color.RED)).as("left is red: %08x", img.getRGB(10, 14)).isTrue();
        assertThat(near(img.getRGB(30, 10), Color.BLUE)).as("right is blue: %08x", img.getRGB(30, 10)).isTrue();
    }

    static byte[] write(BufferedImage img, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    @Test
    void baselineProgressiveAndGreyJpeg() throws Exception {
        assertRedBlue(ImageCodec.decode(ImageCodec.encodeJpeg(card(BufferedImage.TYPE_3BYTE_BGR), 95)));

        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(card(BufferedImage.TYPE_3BYTE_BGR), null, null), p);
        } finally {
            writer.dispose();
        }
        assertRedBlue(ImageCodec.decode(bytes.toByteArray()));

        BufferedImage grey = ImageCodec.decode(write(card(BufferedImage.TYPE_BYTE_GRAY), "jpeg"));
        int rgb = grey.getRGB(10, 14);
        assertThat((rgb >> 16) & 0xff).isEqualTo(rgb & 0xff);
    }

    @Test
    void cmykJpegWhichTheJdkAloneRefuses() throws Exception {
        assertRedBlue(ImageCodec.decode(Files.readAllBytes(Path.of("src/test/resources/images/cmyk.jpg"))));
    }

    @Test
    void pngWithAlphaPaletteAndSixteenBits() throws Exception {
        assertRedBlue(ImageCodec.decode(write(card(BufferedImage.TYPE_INT_ARGB), "png")));
        byte[] r = {(byte) 255, 0, 0};
        byte[] gr = {0, 0, (byte) 255};
        byte[] b = {0, (byte) 255, 0};
        BufferedImage indexed = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(2, 3, r, gr, b));
        Graphics2D g = indexed.createGraphics();
        g.drawImage(card(BufferedImage.TYPE_INT_RGB), 0, 0, null);
        g.dispose();
        assertRedBlue(ImageCodec.decode(write(indexed, "png")));
        BufferedImage sixteen = new BufferedImage(40, 20, BufferedImage.TYPE_USHORT_GRAY);
        sixteen.getRaster().setSample(30, 10, 0, 65535);
        BufferedImage decoded = ImageCodec.decode(write(sixteen, "png"));
        assertThat(decoded.getRGB(30, 10) & 0xff).isEqualTo(255);
        assertThat(decoded.getRGB(10, 10) & 0xff).isZero();
    }

    @Test
    void bmp() throws Exception {
        assertRedBlue(ImageCodec.decode(write(card(BufferedImage.TYPE_3BYTE_BGR), "bmp")));
    }

    @Test
    void webpReaderIsAvailable() {
        Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReadersByFormatName("webp");
        assertThat(readers.hasNext()).isTrue();
    }

    @Test
    void exifOrientationIsApplied() throws Exception {
        byte[] jpeg = ImageCodec.encodeJpeg(card(BufferedImage.TYPE_3BYTE_BGR), 95);
        // Orientation 6: stored landscape, to be shown rotated 90 degrees clockwise.
        BufferedImage upright = ImageCodec.decode(withExifOrientation(jpeg, 6));
        assertThat(upright.getWidth()).isEqualTo(20);
        assertThat(upright.getHeight()).isEqualTo(40);
        assertThat(near(upright.getRGB(17, 2), Color.GREEN)).as("top-left corner moved to top-right").isTrue();
        assertThat(near(upright.getRGB(10, 30), Color.BLUE)).as("right half moved to the bottom").isTrue();
        BufferedImage left = ImageCodec.decode(withExifOrientation(jpeg, 8));
        assertThat(near(left.getRGB(2, 37), Color.GREEN)).as("orientation 8: top-left to bottom-left").isTrue();
        BufferedImage turned = ImageCodec.decode(withExifOrientation(jpeg, 3));
        assertThat(near(turned.getRGB(37, 17), Color.GREEN)).isTrue();
        BufferedImage mirrored = ImageCodec.decode(withExifOrientation(jpeg, 2));
        assertThat(near(mirrored.getRGB(37, 2), Color.GREEN)).isTrue();
        assertThat(near(mirrored.getRGB(5, 14), Color.BLUE)).isTrue();
        assertRedBlue(ImageCodec.decode(withExifOrientation(jpeg, 1)));
    }

    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        return TestImages.withExifOrientation(jpeg, orientation);
    }
}
