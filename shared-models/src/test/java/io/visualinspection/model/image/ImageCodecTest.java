package io.visualinspection.model.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.visualinspection.model.Box;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ImageCodecTest {

    @Test
    void jpegAndPngRoundTrip() throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(5, 5, 0xFFFFFF);
        BufferedImage png = ImageCodec.decode(ImageCodec.encode(img, "png", 90));
        assertThat(png.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        BufferedImage jpeg = ImageCodec.decode(ImageCodec.encodeJpeg(img, 95));
        assertThat(jpeg.getWidth()).isEqualTo(40);
        assertThat(jpeg.getHeight()).isEqualTo(30);
        BufferedImage bmp = ImageCodec.decode(ImageCodec.encode(img, "bmp", 90));
        assertThat(bmp.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void aJpegIsReducedAsFarAsItStaysAtLeastAsLargeAsItsLetterbox() {
        assertThat(ImageCodec.reductionFor(640, 427, 640, 640)).isEqualTo(1);
        assertThat(ImageCodec.reductionFor(1270, 800, 640, 640)).as("just under twice its letterbox").isEqualTo(1);
        assertThat(ImageCodec.reductionFor(1280, 800, 640, 640)).isEqualTo(2);
        assertThat(ImageCodec.reductionFor(1920, 1200, 640, 640)).isEqualTo(2);
        assertThat(ImageCodec.reductionFor(4000, 3000, 640, 640)).isEqualTo(4);
        assertThat(ImageCodec.reductionFor(5472, 3648, 640, 640)).isEqualTo(8);
        // A tall image is bound by its height: 1/8 of 6000 is 750, above the 640 it is letterboxed to.
        assertThat(ImageCodec.reductionFor(800, 6000, 640, 640)).isEqualTo(8);
        assertThat(ImageCodec.reductionFor(6000, 800, 640, 640)).isEqualTo(8);
        assertThat(ImageCodec.reductionFor(12_000, 9_000, 640, 640)).as("never more than an eighth").isEqualTo(8);
    }

    @Test
    void aBoxOnReducedPixelsIsMappedToTheImageAndClippedToIt() {
        BufferedImage pixels = new BufferedImage(641, 400, BufferedImage.TYPE_3BYTE_BGR);
        ReducedImage half = new ReducedImage(pixels, 2, 1281, 800, 0, 0);
        assertThat(half.toImage(new Box(10, 20.5, 100, 200))).isEqualTo(new Box(20, 41, 200, 400));
        assertThat(half.toImage(new Box(600, 300, 641, 400)))
                .as("the last reduced column covers one image column, not two")
                .isEqualTo(new Box(1200, 600, 1281, 800));
        // The same image turned 180 degrees: its narrow column is now the first.
        ReducedImage turned = new ReducedImage(pixels, 2, 1281, 800, 1, 0);
        assertThat(turned.toImage(new Box(0, 0, 1, 1))).isEqualTo(new Box(0, 0, 1, 2));
        assertThat(turned.toImage(new Box(10, 20.5, 641, 200))).isEqualTo(new Box(19, 41, 1281, 400));

        ReducedImage whole = ReducedImage.full(pixels);
        assertThat(whole.width()).isEqualTo(641);
        assertThat(whole.toImage(new Box(1, 2, 3, 4))).isEqualTo(new Box(1, 2, 3, 4));
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new ReducedImage(pixels, 3, 1923, 1200, 0, 0))).hasMessageContaining("1, 2, 4 or 8");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new ReducedImage(pixels, 2, 1281, 800, 2, 0))).hasMessageContaining("offsets");
    }

    @Test
    void aPngDeclaringFiftyThousandSquaredPixelsIsRefusedBeforeDecoding() {
        ImageDecodeException e = catchThrowableOfType(ImageDecodeException.class,
                () -> ImageCodec.decode(pngHeader(50_000, 50_000)));
        assertThat(e.tooLarge()).isTrue();
        assertThat(e.getMessage()).contains("50000x50000").contains("limit");
    }

    @Test
    void emptyRandomAndTruncatedBytesAreRefusedWithAReason() throws Exception {
        assertThat(catchThrowableOfType(ImageDecodeException.class, () -> ImageCodec.decode(new byte[0])))
                .hasMessageContaining("empty");
        assertThat(catchThrowableOfType(ImageDecodeException.class,
                () -> ImageCodec.decode("hello, not an image".getBytes())))
                .hasMessageContaining("not an image");
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        byte[] jpeg = ImageCodec.encodeJpeg(img, 90);
        ImageDecodeException truncated = catchThrowableOfType(ImageDecodeException.class,
                () -> ImageCodec.decode(Arrays.copyOf(jpeg, 20)));
        assertThat(truncated.tooLarge()).isFalse();
        assertThat(truncated).hasMessageContaining("corrupt or truncated");
    }

    @Test
    void aJpegCutShortInItsScanIsRefusedInsteadOfInspectedWithItsLowerPartGrey() throws Exception {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        byte[] jpeg = ImageCodec.encodeJpeg(img, 90);
        assertThat(ImageCodec.decode(jpeg).getHeight()).isEqualTo(240);

        ImageDecodeException half = catchThrowableOfType(ImageDecodeException.class,
                () -> ImageCodec.decode(Arrays.copyOf(jpeg, jpeg.length / 2)));
        assertThat(half).hasMessageStartingWith("the image is corrupt or truncated (" + jpeg.length / 2 + " bytes): ")
                .hasMessageContaining("premature end of data segment")
                .hasMessageContaining("was the transfer cut short?");
        assertThat(half.tooLarge()).isFalse();

        // Losing nothing but the end marker, or bytes that some cameras add before it, loses no pixel.
        byte[] withoutEnd = Arrays.copyOf(jpeg, jpeg.length - 2);
        assertThat(ImageCodec.decode(withoutEnd).getRGB(319, 239)).isEqualTo(ImageCodec.decode(jpeg).getRGB(319, 239));
        byte[] padded = new byte[jpeg.length + 3];
        System.arraycopy(jpeg, 0, padded, 0, jpeg.length - 2);
        padded[jpeg.length - 2] = 0x12;
        padded[jpeg.length - 1] = 0x34;
        padded[jpeg.length] = 0x56;
        padded[jpeg.length + 1] = (byte) 0xFF;
        padded[jpeg.length + 2] = (byte) 0xD9;
        assertThat(ImageCodec.decode(padded).getRGB(319, 239)).isEqualTo(ImageCodec.decode(jpeg).getRGB(319, 239));
    }

    @Test
    void mediaTypesOfTheFormats() {
        assertThat(ImageCodec.mediaType("JPEG")).isEqualTo("image/jpeg");
        assertThat(ImageCodec.mediaType("png")).isEqualTo("image/png");
        assertThat(ImageCodec.mediaType("bmp")).isEqualTo("image/bmp");
    }

    @Test
    void anEmbeddedIccProfileIsSkippedWithoutChangingThePixels() throws Exception {
        BufferedImage img = new BufferedImage(48, 32, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) {
                img.setRGB(x, y, (x * 5) << 16 | (y * 7) << 8 | (x + y) * 3);
            }
        }
        byte[] plain = ImageCodec.encodeJpeg(img, 95);
        byte[] withProfile = io.visualinspection.model.testing.TestImages.withIccProfile(plain);

        assertThat(withProfile.length).isGreaterThan(plain.length + 1000);
        assertThat(ImageCodec.withoutIccProfile(withProfile)).isEqualTo(plain);
        assertThat(ImageCodec.withoutIccProfile(plain)).isSameAs(plain);
        assertThat(ImageCodec.withoutIccProfile(Arrays.copyOf(withProfile, 30))).hasSize(30); // cut inside: kept
        BufferedImage a = ImageCodec.decode(plain);
        BufferedImage b = ImageCodec.decode(withProfile);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) {
                assertThat(b.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(a.getRGB(x, y));
            }
        }
    }

    /** A PNG signature and IHDR chunk (valid CRC) declaring the size; no pixel data follows. */
    static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes()).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
