package io.visualinspection.camera;

import static io.restassured.RestAssured.given;
import static io.visualinspection.camera.Pixels.BLACK;
import static io.visualinspection.camera.Pixels.BLUE;
import static io.visualinspection.camera.Pixels.GREEN;
import static io.visualinspection.camera.Pixels.RED;
import static io.visualinspection.camera.Pixels.isColour;
import static io.visualinspection.camera.Pixels.photo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.visualinspection.model.image.ImageCodec;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The adapter API over real HTTP with the single camera of the default configuration (only
 * {@code camera.images-dir} set, as scripts and other modules' tests start it), image parameters checked on the
 * pixels they produce.
 */
@QuarkusTest
class BaslerResourceTest {

    // The test camera serves one frame, test-card.png (80x40): left half red, right half blue, a green 10x10
    // square in the top-left corner.

    @Test
    void servesFramesAsJpegByDefaultAndInTheAskedFormat() throws Exception {
        byte[] jpeg = given().when().get("/basler/take-photo")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(jpeg[0] & 0xff).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xff).isEqualTo(0xD8);
        BufferedImage fromJpeg = ImageCodec.decode(jpeg);
        assertThat(isColour(fromJpeg.getRGB(20, 20), RED)).isTrue();
        byte[] png = given().when().get("/basler/take-photo?format=png")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(new String(png, 1, 3)).isEqualTo("PNG");
        assertThat(Pixels.meanError(ImageCodec.decode(png), Pixels.testCard())).as("PNG is lossless").isZero();
        BufferedImage bmp = ImageCodec.decode(given().when().get("/basler/take-photo?format=BMP")
                .then().statusCode(200).contentType("image/bmp").extract().asByteArray());
        assertThat(isColour(bmp.getRGB(20, 20), RED)).isTrue();
        assertThat(isColour(bmp.getRGB(60, 20), BLUE)).isTrue();
    }

    @Test
    void aHeadRequestTakesNoPhoto() {
        String before = photosTaken();
        given().when().head("/basler/take-photo").then().statusCode(405).header("Allow", "GET");
        given().when().head("/basler/close").then().statusCode(405).header("Allow", "GET");
        assertThat(photosTaken()).isEqualTo(before);
    }

    private static String photosTaken() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("camera_photos_taken_total")).findFirst().orElse("none");
    }

    @Test
    void webpIsEncodedWithTheRequestedQuality() throws Exception {
        byte[] webp = given().when().get("/basler/take-photo?format=webp&quality=90")
                .then().statusCode(200).contentType("image/webp").extract().asByteArray();
        assertThat(new String(webp, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(webp, 8, 4)).isEqualTo("WEBP");
        BufferedImage image = Pixels.decodeWebp(webp);
        assertThat(image.getWidth()).isEqualTo(80);
        assertThat(isColour(image.getRGB(20, 20), RED)).isTrue();
        assertThat(isColour(image.getRGB(60, 20), BLUE)).isTrue();
        assertThat(isColour(image.getRGB(4, 4), GREEN)).isTrue();
        BufferedImage low = Pixels.decodeWebp(given().when().get("/basler/take-photo?format=webp&quality=10")
                .then().statusCode(200).extract().asByteArray());
        assertThat(Pixels.meanError(low, Pixels.testCard())).isGreaterThan(Pixels.meanError(image, Pixels.testCard()));
    }

    @Test
    void theServicesDecoderReadsTheWebpTheCameraWrites() throws Exception {
        byte[] webp = given().when().get("/basler/take-photo?format=webp&quality=90")
                .then().statusCode(200).extract().asByteArray();
        // ImageCodec (TwelveMonkeys' reader) is what inference and backend decode with; libwebp's own reader is
        // the reference.
        BufferedImage ours = io.visualinspection.model.image.ImageCodec.decode(webp);
        BufferedImage reference = Pixels.decodeWebp(webp);
        assertThat(ours.getWidth()).isEqualTo(reference.getWidth());
        assertThat(ours.getHeight()).isEqualTo(reference.getHeight());
        assertThat(Pixels.meanError(ours, reference)).isLessThan(2.0);
        assertThat(isColour(ours.getRGB(20, 20), RED)).isTrue();
    }

    @Test
    void lowerQualityLosesMorePixels() throws Exception {
        BufferedImage card = Pixels.testCard();
        double low = Pixels.meanError(photo("quality=10"), card);
        double high = Pixels.meanError(photo("quality=100"), card);
        assertThat(low).isGreaterThan(high + 1);
        assertThat(high).isLessThan(3);
    }

    @Test
    void rotationIsCounterClockwiseAndExpandDecidesTheCanvas() throws Exception {
        BufferedImage expanded = photo("format=png&rotation_angle=90&rotation_expand=true");
        assertThat(expanded.getWidth()).isEqualTo(40);
        assertThat(expanded.getHeight()).isEqualTo(80);
        // Counter-clockwise: the top-left corner moves to the bottom-left.
        assertThat(isColour(expanded.getRGB(4, 75), GREEN)).isTrue();
        assertThat(isColour(expanded.getRGB(20, 10), BLUE)).as("right half is now on top").isTrue();

        BufferedImage kept = photo("format=png&rotation_angle=90");
        assertThat(kept.getWidth()).isEqualTo(80);
        assertThat(kept.getHeight()).isEqualTo(40);
        assertThat(isColour(kept.getRGB(2, 20), BLACK)).as("corners outside the rotated frame are black").isTrue();

        BufferedImage half = photo("format=png&rotation_angle=180");
        assertThat(isColour(half.getRGB(75, 35), GREEN)).isTrue();
    }

    @Test
    void anyAngleRotatesAboutTheCentre() throws Exception {
        BufferedImage expanded = photo("format=png&rotation_angle=30&rotation_expand=true");
        // The canvas holds the whole rotated card: 80 cos 30 + 40 sin 30 by 80 sin 30 + 40 cos 30.
        assertThat(expanded.getWidth()).isEqualTo(89);
        assertThat(expanded.getHeight()).isEqualTo(75);
        assertColourAt(expanded, 30, 5, 5, GREEN);
        assertColourAt(expanded, 30, 20, 25, RED);
        assertColourAt(expanded, 30, 60, 25, BLUE);
        assertThat(isColour(expanded.getRGB(0, 0), BLACK)).isTrue();
        assertThat(isColour(expanded.getRGB(88, 74), BLACK)).isTrue();

        BufferedImage kept = photo("format=png&rotation_angle=-45");
        assertThat(kept.getWidth()).isEqualTo(80);
        assertThat(kept.getHeight()).isEqualTo(40);
        assertColourAt(kept, -45, 25, 20, RED);
        assertColourAt(kept, -45, 55, 20, BLUE);
        assertThat(isColour(kept.getRGB(79, 39), BLACK)).as("cut corner").isTrue();
    }

    /** The card's pixel (x, y) rotated by {@code degrees} counter-clockwise about the centre has this colour. */
    private static void assertColourAt(BufferedImage rotated, double degrees, int x, int y, int rgb) {
        double r = Math.toRadians(degrees);
        double dx = x + 0.5 - 40;
        double dy = y + 0.5 - 20;
        int rx = (int) Math.floor(rotated.getWidth() / 2.0 + dx * Math.cos(r) + dy * Math.sin(r));
        int ry = (int) Math.floor(rotated.getHeight() / 2.0 - dx * Math.sin(r) + dy * Math.cos(r));
        assertThat(isColour(rotated.getRGB(rx, ry), rgb))
                .as("card (%d,%d) rotated %s degrees lands on (%d,%d)", x, y, degrees, rx, ry).isTrue();
    }

    @Test
    void roiAsFractionsAndAsPixelsCropsTheRotatedImage() throws Exception {
        BufferedImage right = photo("format=png&roi_left=0.5&roi_top=0&roi_right=1&roi_bottom=1");
        assertThat(right.getWidth()).isEqualTo(40);
        assertThat(right.getHeight()).isEqualTo(40);
        assertThat(isColour(right.getRGB(20, 20), BLUE)).isTrue();
        BufferedImage px = photo("format=png&roi_left=5&roi_top=2&roi_right=25&roi_bottom=12");
        assertThat(px.getWidth()).isEqualTo(20);
        assertThat(px.getHeight()).isEqualTo(10);
        assertThat(isColour(px.getRGB(0, 0), GREEN)).isTrue();
        assertThat(isColour(px.getRGB(19, 9), RED)).isTrue();
        BufferedImage rotatedThenCropped = photo("format=png&rotation_angle=90&rotation_expand=true&roi_bottom=0.5");
        assertThat(rotatedThenCropped.getWidth()).isEqualTo(40);
        assertThat(rotatedThenCropped.getHeight()).isEqualTo(40);
        assertThat(isColour(rotatedThenCropped.getRGB(20, 20), BLUE)).as("the top of the rotated card").isTrue();
    }

    @Test
    void monoGivesGreyPixels() throws Exception {
        for (String query : new String[] {"format=png&convert_to_format=Mono", "format=png&pixel_format=Mono8"}) {
            BufferedImage mono = photo(query);
            for (int x : new int[] {5, 20, 60}) {
                int rgb = mono.getRGB(x, 5);
                assertThat((rgb >> 16) & 0xff).as(query).isEqualTo(rgb & 0xff);
                assertThat((rgb >> 8) & 0xff).as(query).isEqualTo(rgb & 0xff);
            }
            assertThat(mono.getRGB(5, 5) & 0xff).as("green is brighter than blue in grey")
                    .isGreaterThan(mono.getRGB(60, 5) & 0xff);
        }
    }

    @Test
    void bgrSwapsRedAndBlueWhileRgbKeepsTheFrame() throws Exception {
        BufferedImage bgr = photo("format=png&convert_to_format=BGR");
        assertThat(isColour(bgr.getRGB(20, 20), BLUE)).as("red parts look blue").isTrue();
        assertThat(isColour(bgr.getRGB(60, 20), RED)).as("blue parts look red").isTrue();
        assertThat(isColour(bgr.getRGB(5, 5), GREEN)).isTrue();
        for (String keep : new String[] {"RGB", "null"}) {
            assertThat(Pixels.meanError(photo("format=png&convert_to_format=" + keep), Pixels.testCard()))
                    .as(keep).isZero();
        }
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
        given().when().get("/basler/take-photo?roi_left=0.8&roi_right=0.2")
                .then().statusCode(400).body("message", containsString("region of interest is empty"));
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("format=gif", "format must be one of [bmp, jpeg, png, webp], got 'gif'");
        refused.put("quality=101", "quality must be in 10..100");
        refused.put("timeout_ms=199", "timeout_ms must be >= 200, got 199");
        refused.put("exposure_time_microseconds=499", "exposure_time_microseconds must be >= 500");
        refused.put("exposure_time_microseconds=20000000", "exposure_time_microseconds must be <= 10000000");
        refused.put("acquisition_mode=Burst", "acquisition_mode must be one of [Continuous, SingleFrame]");
        refused.put("transmission_type=Anycast", "transmission_type must be one of");
        refused.put("convert_to_format=HSV", "convert_to_format must be one of [BGR, Mono, RGB, null]");
        refused.put("pixel_format=Mono7", "pixel_format must be one of");
        refused.put("ip_address=300.1.1.1", "ip_address must be an IPv4 address");
        refused.put("subnet_mask=full", "subnet_mask must be an IPv4 address");
        refused.put("destination_ip_address=x", "destination_ip_address must be an IPv4 address");
        refused.put("destination_port=70000", "destination_port must be in 0..65535");
        refused.put("rotation_angle=left", "rotation_angle must be a number");
        refused.put("rotation_expand=maybe", "rotation_expand must be true or false");
        refused.put("roi_top=-3", "roi_top must be >= 0");
        refused.forEach((query, message) -> given().when().get("/basler/take-photo?" + query)
                .then().statusCode(400).body("status", equalTo(400)).body("error", equalTo("Bad Request"))
                .body("message", containsString(message)));
    }

    @Test
    void theFullParameterSetOfARealLineIsAccepted() throws Exception {
        BufferedImage image = photo("serial_number=EMU-0001&ip_address=127.0.0.1&subnet_mask=255.255.255.0"
                + "&transmission_type=Unicast&destination_ip_address=127.0.0.2&destination_port=3956"
                + "&convert_to_format=RGB&pixel_format=RGB8&timeout_ms=1000&exposure_time_microseconds=500"
                + "&acquisition_mode=SingleFrame&format=png&quality=90&rotation_angle=0&rotation_expand=false"
                + "&roi_left=0&roi_top=0&roi_right=1&roi_bottom=1");
        assertThat(Pixels.meanError(image, Pixels.testCard())).isZero();
    }

    @Test
    void anUnknownCameraIs404() {
        given().when().get("/basler/take-photo?serial_number=XYZ")
                .then().statusCode(404).body("message", containsString("no camera with serial_number 'XYZ'"))
                .body("message", containsString("known: EMU-0001 (127.0.0.1)"));
        given().when().get("/basler/take-photo?ip_address=127.0.0.9")
                .then().statusCode(404).body("message", containsString("no camera with ip_address '127.0.0.9'"));
        given().when().get("/basler/get-camera-info?serial_number=XYZ").then().statusCode(404);
        given().when().get("/basler/close?serial_number=XYZ").then().statusCode(404);
    }

    @Test
    void cameraInfoCloseAndTestImage() {
        given().when().get("/basler/get-camera-info")
                .then().statusCode(200).body("Name", equalTo("Emulated Basler camera"))
                .body("IP", equalTo("127.0.0.1")).body("MAC", equalTo("00:00:00:00:00:01"))
                .body("SerialNumber", equalTo("EMU-0001"));
        given().when().get("/basler/get-camera-info?serial_number=EMU-0001&ip_address=127.0.0.1")
                .then().statusCode(200).body("SerialNumber", equalTo("EMU-0001"));
        given().when().get("/basler/close").then().statusCode(200).body(equalTo("true"));
        given().when().get("/test/image").then().statusCode(200).contentType("image/jpeg");
    }

    @Test
    void healthReportsTheCamera() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'camera EMU-0001' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'camera EMU-0001' }.data.frames", equalTo(1))
                .body("checks.find { it.name == 'camera EMU-0001' }.data.state", equalTo("connected"));
    }
}
