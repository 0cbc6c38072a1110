package io.visualinspection.camera;

import static io.restassured.RestAssured.given;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import io.visualinspection.model.image.ImageCodec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Photos fetched over HTTP and read back as pixels. */
final class Pixels {

    static final int RED = 0xFF0000;
    static final int GREEN = 0x00FF00;
    static final int BLUE = 0x0000FF;
    static final int BLACK = 0x000000;

    private Pixels() {
    }

    /** A successful photo, decoded. */
    static BufferedImage photo(String query) throws Exception {
        byte[] bytes = given().when().get("/basler/take-photo?" + query)
                .then().statusCode(200).extract().asByteArray();
        return ImageCodec.decode(bytes);
    }

    /** The test card (80x40): left half red, right half blue, a green 10x10 square in the top-left corner. */
    static BufferedImage testCard() throws Exception {
        return ImageCodec.decode(Files.readAllBytes(Path.of("src/test/resources/frames/test-card.png")));
    }

    static boolean isColour(int argb, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((argb >> shift) & 0xff) - ((rgb >> shift) & 0xff)) > 40) {
                return false;
            }
        }
        return true;
    }

    /** The one of red, green, blue that this pixel is, or null. */
    static Integer primary(int argb) {
        for (int c : new int[] {RED, GREEN, BLUE}) {
            if (isColour(argb, c)) {
                return c;
            }
        }
        return null;
    }

    /** Mean absolute difference per channel between two images of the same size, 0..255. */
    static double meanError(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    /** Decodes WebP with the reader of the same library that encodes it. */
    static BufferedImage decodeWebp(byte[] bytes) throws Exception {
        ImageReader reader = new WebPImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }
}
