package io.visualinspection.inference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.visualinspection.model.Box;
import io.visualinspection.model.InferenceResult;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.TestImages;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The same photo in other encodings, orientations and sizes gives the same detection where it should. */
@QuarkusTest
class ImageVariantsTest {

    static InferenceResult detect(byte[] image, String name) {
        return given().multiPart("image", name, image, "application/octet-stream")
                .when().post("/inference").then().statusCode(200).extract().as(InferenceResult.class);
    }

    static Box catBox(InferenceResult r) {
        int i = r.classIds().indexOf(15);
        assertThat(i).as("a cat in " + r.classNames()).isNotNegative();
        return r.bboxes().get(i);
    }

    static BufferedImage cat() throws Exception {
        return ImageCodec.decode(Files.readAllBytes(SampleData.image("chelsea.png")));
    }

    static byte[] encode(BufferedImage img, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    void exifOrientationIsAppliedBeforeDetection() throws Exception {
        BufferedImage cat = cat();
        Box upright = catBox(detect(Files.readAllBytes(SampleData.image("chelsea.png")), "cat.png"));
        // Stored as it would come from a phone held upright: pixels turned 90 degrees counter-clockwise,
        // EXIF orientation 6 says "turn 90 clockwise to show".
        BufferedImage stored = new BufferedImage(cat.getHeight(), cat.getWidth(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = stored.createGraphics();
        g.rotate(-Math.PI / 2);
        g.drawImage(cat, -cat.getWidth(), 0, null);
        g.dispose();
        byte[] jpeg = TestImages.withExifOrientation(ImageCodec.encodeJpeg(stored, 95), 6);
        InferenceResult r = detect(jpeg, "phone.jpg");
        assertThat(r.imageWidth()).isEqualTo(451);
        assertThat(r.imageHeight()).isEqualTo(300);
        Box box = catBox(r);
        assertThat(Math.abs(box.centerX() - upright.centerX())).isLessThan(12);
        assertThat(Math.abs(box.centerY() - upright.centerY())).isLessThan(12);
    }

    @Test
    void greyBmpAndAlphaPngVariantsStillShowTheCat() throws Exception {
        BufferedImage cat = cat();
        Box reference = catBox(detect(Files.readAllBytes(SampleData.image("chelsea.png")), "cat.png"));
        BufferedImage argb = new BufferedImage(cat.getWidth(), cat.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.drawImage(cat, 0, 0, null);
        g.dispose();
        assertThat(catBox(detect(encode(argb, "png"), "cat-alpha.png")).iou(reference)).isGreaterThan(0.9);
        assertThat(catBox(detect(encode(cat, "bmp"), "cat.bmp")).iou(reference)).isGreaterThan(0.9);
        BufferedImage grey = new BufferedImage(cat.getWidth(), cat.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        g = grey.createGraphics();
        g.drawImage(cat, 0, 0, null);
        g.dispose();
        assertThat(detect(encode(grey, "jpeg"), "cat-grey.jpg").imageWidth()).isEqualTo(451);
    }

    @Test
    void extremeSizesAnswerWithBoxesInsideTheImage() throws Exception {
        for (int[] size : new int[][] {{1, 1}, {4000, 10}, {10, 3000}, {2000, 1500}}) {
            BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
            InferenceResult r = detect(encode(img, "png"), "odd.png");
            assertThat(r.imageWidth()).isEqualTo(size[0]);
            assertThat(r.imageHeight()).isEqualTo(size[1]);
            for (Box b : r.bboxes()) {
                assertThat(b.x0()).isBetween(0.0, (double) size[0]);
                assertThat(b.y1()).isBetween(0.0, (double) size[1]);
            }
        }
    }

    @Test
    void aLargeFrameIsAnsweredInPixelsOfTheFrame() throws Exception {
        BufferedImage cat = cat();
        Box reference = catBox(detect(Files.readAllBytes(SampleData.image("chelsea.png")), "cat.png"));
        // Four times as large: decoded at half its size (reduced decoding, on by default), boxes still in its pixels.
        InferenceResult r = detect(ImageCodec.encodeJpeg(TestImages.enlarged(cat, 4), 95), "frame.jpg");
        assertThat(r.imageWidth()).isEqualTo(1804);
        assertThat(r.imageHeight()).isEqualTo(1200);
        assertThat(catBox(r).iou(reference.scaled(4, 4))).isGreaterThan(0.9);
    }

    @Test
    void aCatUpscaledFromAThumbnailIsStillFound() throws Exception {
        BufferedImage cat = cat();
        BufferedImage small = new BufferedImage(300, 200, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(cat, 0, 0, 300, 200, null);
        g.dispose();
        Box box = catBox(detect(encode(small, "png"), "thumb.png"));
        assertThat(box.x1()).isLessThanOrEqualTo(300);
        assertThat(box.y1()).isLessThanOrEqualTo(200);
        assertThat(box.width()).isGreaterThan(150);
    }
}
