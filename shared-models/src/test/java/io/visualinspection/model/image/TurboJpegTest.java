package io.visualinspection.model.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.visualinspection.model.Box;
import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.SharedData;
import io.visualinspection.model.testing.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JPEG through libjpeg-turbo: used where the machine has it, and the same pixels as the JDK's codec. */
class TurboJpegTest {

    private static final List<Path> LIBRARY_FOLDERS = List.of(Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib64"), Path.of("/usr/lib"));

    @BeforeEach
    void needsTheLibrary() {
        boolean installed = LIBRARY_FOLDERS.stream().anyMatch(f -> Files.exists(f.resolve("libturbojpeg.so.0")));
        if (!installed) {
            String reason = "libturbojpeg.so.0 is not installed (apt-get install libturbojpeg0); JPEG goes through "
                    + "the JDK's codec, which the other image tests cover";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(reason + "; .ci/run installs it, so on CI this is a failure");
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    @Test
    void theCodecUsesTheLibraryWhereTheMachineHasIt() {
        assertThat(ImageCodec.jpegCodecProblem()).isEmpty();
        assertThat(TurboJpeg.available()).isTrue();
    }

    @Test
    void theSeedPhotosDecodeToTheSamePixelsAsWithTheJdkCodec() throws Exception {
        List<Path> photos;
        try (Stream<Path> files = Files.list(SharedData.require("images/seed"))) {
            photos = files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList();
        }
        assertThat(photos).isNotEmpty();
        for (Path photo : photos) {
            byte[] bytes = Files.readAllBytes(photo);
            assertThat(TurboJpeg.decode(bytes, (w, h) -> { }, (w, h) -> 1))
                    .as(photo + " decodes cleanly with libjpeg-turbo").isPresent();
            assertSamePixels(photo.toString(), ImageCodec.decode(bytes),
                    ImageCodec.decodeWithImageIo(bytes, ImageCodec.DEFAULT_MAX_PIXELS));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR,
            BufferedImage.TYPE_BYTE_GRAY})
    void encodesEveryCommonLayoutAndDecodesItAsTheJdkCodecDoes(int type) throws Exception {
        BufferedImage photo = photo(type);

        byte[] jpeg = TurboJpeg.encode(photo, 90).orElseThrow();
        byte[] jdkJpeg = ImageCodec.encodeJpegWithImageIo(photo, 90);

        // The same quality tables as the JDK's writer: about the same size, and close to the original.
        assertThat((double) jpeg.length).isCloseTo(jdkJpeg.length, org.assertj.core.data.Percentage.withPercentage(10));
        BufferedImage decoded = ImageCodec.decode(jpeg);
        assertThat(decoded.getType()).isEqualTo(type == BufferedImage.TYPE_BYTE_GRAY
                ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        assertThat(meanDifference(photo, decoded)).isLessThan(3.0);
        assertSamePixels("type " + type, decoded, ImageCodec.decodeWithImageIo(jpeg, ImageCodec.DEFAULT_MAX_PIXELS));
    }

    @Test
    void aSubImageOrAnImageWithAlphaIsEncodedThroughAConversion() throws Exception {
        BufferedImage photo = photo(BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage part = photo.getSubimage(10, 20, 100, 80);
        assertThat(TurboJpeg.encode(part, 90)).as("a sub-image's rows are not laid out as TurboJPEG reads them").isEmpty();
        BufferedImage decoded = ImageCodec.decode(ImageCodec.encodeJpeg(part, 90));
        assertThat(decoded.getWidth()).isEqualTo(100);
        assertThat(meanDifference(part, decoded)).isLessThan(3.0);

        BufferedImage argb = photo(BufferedImage.TYPE_INT_ARGB);
        assertThat(meanDifference(argb, ImageCodec.decode(ImageCodec.encodeJpeg(argb, 90)))).isLessThan(3.0);
    }

    @Test
    void aJpegDeclaringFiftyThousandSquaredPixelsIsRefusedBeforeDecoding() {
        byte[] jpeg = TurboJpeg.encode(photo(BufferedImage.TYPE_3BYTE_BGR), 90).orElseThrow();
        int sof = indexOfMarker(jpeg, 0xC0);
        // SOF0: marker, length (2), precision (1), height (2), width (2)
        jpeg[sof + 5] = (byte) (50_000 >> 8);
        jpeg[sof + 6] = (byte) 50_000;
        jpeg[sof + 7] = (byte) (50_000 >> 8);
        jpeg[sof + 8] = (byte) 50_000;
        int[] declared = new int[2];
        assertThat(catchThrowableOfType(ImageDecodeException.class, () -> TurboJpeg.decode(jpeg, (w, h) -> {
            declared[0] = w;
            declared[1] = h;
            throw new ImageDecodeException("refused", true, null);
        }, (w, h) -> 1))).as("the size is checked before decoding").isNotNull();
        assertThat(declared).containsExactly(50_000, 50_000);

        ImageDecodeException e = catchThrowableOfType(ImageDecodeException.class, () -> ImageCodec.decode(jpeg));
        assertThat(e.tooLarge()).isTrue();
        assertThat(e.getMessage()).contains("50000x50000").contains("limit");
    }

    @Test
    void aJpegCutShortIsLeftToTheJdkCodecWhichRefusesIt() throws Exception {
        byte[] jpeg = TurboJpeg.encode(photo(BufferedImage.TYPE_3BYTE_BGR), 90).orElseThrow();
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
        assertThat(TurboJpeg.decode(cut, (w, h) -> { }, (w, h) -> 1))
                .as("a warning is not taken as a clean decode").isEmpty();

        // The JDK's reader would fill the missing third grey; its warning makes the decode fail instead.
        assertThat(catchThrowableOfType(ImageDecodeException.class, () -> ImageCodec.decode(cut)))
                .hasMessageContaining("premature end of data segment");
    }

    @Test
    void aLargeJpegIsDecodedReducedAsFarAsTheLetterboxLetsIt() throws Exception {
        BufferedImage photo = TestImages.enlarged(photo(BufferedImage.TYPE_3BYTE_BGR), 4); // 1804 x 1200
        byte[] jpeg = TurboJpeg.encode(photo, 95).orElseThrow();
        BufferedImage full = ImageCodec.decode(jpeg);

        // Into 640 x 640 it is letterboxed to 640 x 426: a half (902 x 600) is the smallest reduction above that.
        ReducedImage half = ImageCodec.decodeForInput(jpeg, ImageCodec.DEFAULT_MAX_PIXELS, 640, 640);
        assertThat(half.factor()).isEqualTo(2);
        assertThat(half.width()).isEqualTo(1804);
        assertThat(half.height()).isEqualTo(1200);
        assertThat(half.pixels().getWidth()).isEqualTo(902);
        assertThat(half.pixels().getHeight()).isEqualTo(600);
        // Each reduced pixel is about the mean of the 2 x 2 pixels it stands for.
        assertThat(meanDifference(half.pixels(), averaged(full, 2))).isLessThan(2.0);

        ReducedImage quarter = ImageCodec.decodeForInput(jpeg, ImageCodec.DEFAULT_MAX_PIXELS, 320, 320);
        assertThat(quarter.factor()).isEqualTo(4);
        assertThat(quarter.pixels().getWidth()).isEqualTo(451);
        assertThat(meanDifference(quarter.pixels(), averaged(full, 4))).isLessThan(2.0);

        ReducedImage small = ImageCodec.decodeForInput(TurboJpeg.encode(photo(BufferedImage.TYPE_3BYTE_BGR), 95)
                .orElseThrow(), ImageCodec.DEFAULT_MAX_PIXELS, 640, 640);
        assertThat(small.factor()).as("a photo smaller than the input is decoded whole").isEqualTo(1);
        assertThat(small.pixels().getWidth()).isEqualTo(451);
    }

    @Test
    void aReducedJpegIsTurnedUprightAndKeepsItsUprightSize() throws Exception {
        BufferedImage photo = TestImages.enlarged(photo(BufferedImage.TYPE_3BYTE_BGR), 4);
        byte[] jpeg = TestImages.withExifOrientation(TurboJpeg.encode(photo, 95).orElseThrow(), 6);
        ReducedImage upright = ImageCodec.decodeForInput(jpeg, ImageCodec.DEFAULT_MAX_PIXELS, 640, 640);
        assertThat(upright.factor()).isEqualTo(2);
        assertThat(upright.width()).isEqualTo(1200);
        assertThat(upright.height()).isEqualTo(1804);
        assertThat(upright.pixels().getWidth()).isEqualTo(600);
        assertThat(upright.pixels().getHeight()).isEqualTo(902);
        BufferedImage fullUpright = ImageCodec.decode(jpeg);
        assertThat(meanDifference(upright.pixels(), averaged(fullUpright, 2))).isLessThan(2.0);
    }

    @Test
    void aBoxOnAReducedTurnedImageLandsOnTheSamePixelsOfTheImage() throws Exception {
        // 1283 x 803 at 1/2: the last stored column and row stand for one pixel of the image, not two. A white
        // block on whole DCT blocks (x 1000..1200, y 304..600) decodes with sharp edges at either size.
        BufferedImage stored = new BufferedImage(1283, 803, BufferedImage.TYPE_3BYTE_BGR);
        var g = stored.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(1000, 304, 200, 296);
        g.dispose();
        byte[] jpeg = TurboJpeg.encode(stored, 95).orElseThrow();
        for (int orientation : new int[] {1, 2, 3, 4, 5, 6, 7, 8}) {
            byte[] oriented = TestImages.withExifOrientation(jpeg, orientation);
            BufferedImage upright = ImageCodec.decode(oriented);
            ReducedImage reduced = ImageCodec.decodeForInput(oriented, ImageCodec.DEFAULT_MAX_PIXELS, 640, 640);
            assertThat(reduced.factor()).as("orientation " + orientation).isEqualTo(2);
            Box expected = TestImages.brightBox(upright);
            Box found = reduced.toImage(TestImages.brightBox(reduced.pixels()));
            // Exactly: a box one pixel off (the narrow pixel on the wrong side) fails.
            assertThat(found).as("orientation " + orientation).isEqualTo(expected);
        }
    }

    @Test
    void theReductionIsJudgedOnTheUprightImageForAnInputThatIsNotSquare() throws Exception {
        // Stored 1000 x 3000, shown 3000 x 1000 (EXIF 6); into 640 x 320 it is letterboxed to 640 x 213. A quarter,
        // 750 x 250 upright, is the smallest reduction above that; judged on the stored size an eighth would pass
        // (125 x 375 against 107 x 320) and leave the letterbox to enlarge 375 x 125 to 640 x 213.
        byte[] jpeg = TestImages.withExifOrientation(TurboJpeg.encode(
                new BufferedImage(1000, 3000, BufferedImage.TYPE_3BYTE_BGR), 90).orElseThrow(), 6);
        ReducedImage upright = ImageCodec.decodeForInput(jpeg, ImageCodec.DEFAULT_MAX_PIXELS, 640, 320);
        assertThat(upright.factor()).isEqualTo(4);
        assertThat(upright.width()).isEqualTo(3000);
        assertThat(upright.pixels().getWidth()).isEqualTo(750);
        assertThat(upright.pixels().getHeight()).isEqualTo(250);
    }

    @Test
    void theSizeLimitIsTheImagesOwnNotTheReducedOnes() throws Exception {
        byte[] jpeg = TurboJpeg.encode(TestImages.enlarged(photo(BufferedImage.TYPE_3BYTE_BGR), 4), 90).orElseThrow();
        ImageDecodeException e = catchThrowableOfType(ImageDecodeException.class,
                () -> ImageCodec.decodeForInput(jpeg, 1804L * 1200 - 1, 640, 640));
        assertThat(e.tooLarge()).isTrue();
        assertThat(e.getMessage()).contains("1804x1200");
    }

    /** Each {@code n x n} block of the image as one pixel, their mean (the last block of a row or column partial). */
    private static BufferedImage averaged(BufferedImage image, int n) {
        int w = (image.getWidth() + n - 1) / n;
        int h = (image.getHeight() + n - 1) / n;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int by = 0; by < h; by++) {
            for (int bx = 0; bx < w; bx++) {
                int[] sum = new int[3];
                int count = 0;
                for (int y = by * n; y < Math.min(image.getHeight(), by * n + n); y++) {
                    for (int x = bx * n; x < Math.min(image.getWidth(), bx * n + n); x++) {
                        int p = image.getRGB(x, y);
                        sum[0] += (p >> 16) & 0xff;
                        sum[1] += (p >> 8) & 0xff;
                        sum[2] += p & 0xff;
                        count++;
                    }
                }
                out.setRGB(bx, by, Math.round((float) sum[0] / count) << 16 | Math.round((float) sum[1] / count) << 8
                        | Math.round((float) sum[2] / count));
            }
        }
        return out;
    }

    /** A real photo (sample data of the project) in the given layout. */
    private static BufferedImage photo(int type) {
        try {
            BufferedImage source = ImageCodec.decode(Files.readAllBytes(SampleData.image("chelsea.png")));
            BufferedImage photo = new BufferedImage(source.getWidth(), source.getHeight(), type);
            var g = photo.createGraphics();
            g.drawImage(source, 0, 0, null);
            g.dispose();
            return photo;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSamePixels(String what, BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getType()).as(what).isEqualTo(expected.getType());
        assertThat(actual.getWidth()).as(what).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).as(what).isEqualTo(expected.getHeight());
        int worst = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                worst = Math.max(worst, channelDifference(actual.getRGB(x, y), expected.getRGB(x, y)));
            }
        }
        // Both use the accurate integer IDCT; libjpeg-turbo's SIMD upsampling may round one level differently.
        assertThat(worst).as(what + ": largest difference of a channel").isLessThanOrEqualTo(1);
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    private static int channelDifference(int p, int q) {
        int worst = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            worst = Math.max(worst, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
        }
        return worst;
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker 0x" + Integer.toHexString(marker));
    }
}
