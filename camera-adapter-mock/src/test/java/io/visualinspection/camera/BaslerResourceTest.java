package io.visualinspection.camera;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.visualinspection.model.image.ImageCodec;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The adapter API over real HTTP, with the image parameters checked on the pixels they produce. */
@QuarkusTest
class BaslerResourceTest {

    // The test camera serves one frame, test-card.png (80x40): left half red, right half blue, a green 10x10
    // square in the top-left corner.

    static BufferedImage photo(String query) throws Exception {
        byte[] bytes = given().when().get("/basler/take-photo?serial_number=EMU-0001&" + query)
                .then().statusCode(200).extract().asByteArray();
        return ImageCodec.decode(bytes);
    }

    static boolean isColour(int argb, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((argb >> shift) & 0xff) - ((rgb >> shift) & 0xff)) > 40) {
                return false;
            }
        }
        return true;
    }

    @Test
    void servesFramesAsJpegByDefaultAndInTheAskedFormat() throws Exception {
        byte[] jpeg = given().when().get("/basler/take-photo")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(jpeg[0] & 0xff).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xff).isEqualTo(0xD8);
        byte[] png = given().when().get("/basler/take-photo?format=png")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(new String(png, 1, 3)).isEqualTo("PNG");
        BufferedImage bmp = ImageCodec.decode(given().when().get("/basler/take-photo?format=bmp")
                .then().statusCode(200).contentType("image/bmp").extract().asByteArray());
        assertThat(isColour(bmp.getRGB(20, 20), 0xFF0000)).isTrue();
        assertThat(isColour(bmp.getRGB(60, 20), 0x0000FF)).isTrue();
    }

    @Test
    void qualityChangesTheJpegSize() {
        int low = given().when().get("/basler/take-photo?quality=10").then().statusCode(200).extract().asByteArray().length;
        int high = given().when().get("/basler/take-photo?quality=100").then().statusCode(200).extract().asByteArray().length;
        assertThat(high).isGreaterThan(low);
    }

    @Test
    void rotationIsCounterClockwiseAndExpandDecidesTheCanvas() throws Exception {
        BufferedImage expanded = photo("format=png&rotation_angle=90&rotation_expand=true");
        assertThat(expanded.getWidth()).isEqualTo(40);
        assertThat(expanded.getHeight()).isEqualTo(80);
        // Counter-clockwise: the top-left corner moves to the bottom-left.
        assertThat(isColour(expanded.getRGB(4, 75), 0x00FF00)).isTrue();
        assertThat(isColour(expanded.getRGB(20, 10), 0x0000FF)).as("right half is now on top").isTrue();

        BufferedImage kept = photo("format=png&rotation_angle=90");
        assertThat(kept.getWidth()).isEqualTo(80);
        assertThat(kept.getHeight()).isEqualTo(40);
        assertThat(isColour(kept.getRGB(2, 20), 0x000000)).as("corners outside the rotated frame are black").isTrue();

        BufferedImage half = photo("format=png&rotation_angle=180");
        assertThat(isColour(half.getRGB(75, 35), 0x00FF00)).isTrue();
    }

    @Test
    void roiAsFractionsAndAsPixelsCropsTheRotatedImage() throws Exception {
        BufferedImage right = photo("format=png&roi_left=0.5&roi_top=0&roi_right=1&roi_bottom=1");
        assertThat(right.getWidth()).isEqualTo(40);
        assertThat(right.getHeight()).isEqualTo(40);
        assertThat(isColour(right.getRGB(20, 20), 0x0000FF)).isTrue();
        BufferedImage px = photo("format=png&roi_left=5&roi_top=2&roi_right=25&roi_bottom=12");
        assertThat(px.getWidth()).isEqualTo(20);
        assertThat(px.getHeight()).isEqualTo(10);
        assertThat(isColour(px.getRGB(0, 0), 0x00FF00)).isTrue();
        assertThat(isColour(px.getRGB(19, 9), 0xFF0000)).isTrue();
    }

    @Test
    void monoGivesGreyPixels() throws Exception {
        BufferedImage mono = photo("format=png&convert_to_format=Mono");
        for (int x : new int[] {5, 20, 60}) {
            int rgb = mono.getRGB(x, 5);
            assertThat((rgb >> 16) & 0xff).isEqualTo(rgb & 0xff);
            assertThat((rgb >> 8) & 0xff).isEqualTo(rgb & 0xff);
        }
        assertThat(mono.getRGB(5, 5) & 0xff).as("green is brighter than blue in grey")
                .isGreaterThan(mono.getRGB(60, 5) & 0xff);
    }

    @Test
    void exposureTimeIsSpentInTheCall() {
        long t0 = System.nanoTime();
        given().when().get("/basler/take-photo?exposure_time_microseconds=300000").then().statusCode(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void invalidParametersAre400NamingTheField() {
        given().when().get("/basler/take-photo?quality=5")
                .then().statusCode(400).body("message", equalTo("quality must be in 10..100, got 5"));
        given().when().get("/basler/take-photo?timeout_ms=abc")
                .then().statusCode(400).body("message", equalTo("timeout_ms must be a whole number, got 'abc'"));
        given().when().get("/basler/take-photo?acquisition_mode=Burst")
                .then().statusCode(400).body("message", containsString("acquisition_mode must be one of"));
        given().when().get("/basler/take-photo?roi_left=0.8&roi_right=0.2")
                .then().statusCode(400).body("message", containsString("region of interest is empty"));
    }

    @Test
    void anUnknownCameraIs404() {
        given().when().get("/basler/take-photo?serial_number=XYZ")
                .then().statusCode(404).body("message", containsString("no camera with serial_number 'XYZ'"));
    }

    @Test
    void cameraInfoCloseAndTestImage() {
        given().when().get("/basler/get-camera-info")
                .then().statusCode(200).body("Name", equalTo("Emulated Basler camera"))
                .body("IP", equalTo("127.0.0.1")).body("MAC", equalTo("00:00:00:00:00:01"));
        given().when().get("/basler/close").then().statusCode(200).body(equalTo("true"));
        given().when().get("/test/image").then().statusCode(200).contentType("image/jpeg");
    }
}
