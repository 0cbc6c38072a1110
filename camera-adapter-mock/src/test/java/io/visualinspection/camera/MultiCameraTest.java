package io.visualinspection.camera;

import static io.restassured.RestAssured.given;
import static io.visualinspection.camera.Pixels.BLUE;
import static io.visualinspection.camera.Pixels.GREEN;
import static io.visualinspection.camera.Pixels.RED;
import static io.visualinspection.camera.Pixels.isColour;
import static io.visualinspection.camera.Pixels.photo;
import static io.visualinspection.camera.Pixels.primary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several cameras on one emulator, selected as on a real line, each with its own frames and start faults. */
@QuarkusTest
@TestProfile(MultiCameraProfile.class)
class MultiCameraTest {

    @Test
    void camerasAreSelectedBySerialNumberOrIpAddress() throws Exception {
        BufferedImage b = photo("serial_number=CAM-B&format=png");
        assertThat(b.getWidth()).isEqualTo(80);
        assertThat(isColour(b.getRGB(20, 20), RED)).isTrue();
        BufferedImage a = photo("ip_address=127.0.1.11&format=png");
        assertThat(a.getWidth()).as("line-a serves the 16x16 line frames").isEqualTo(16);
        assertThat(photo("serial_number=CAM-A&ip_address=127.0.1.11&format=png").getWidth()).isEqualTo(16);
        assertThat(photo("format=png").getWidth()).as("without a selector, the default camera (line-b)")
                .isEqualTo(80);
        given().when().get("/basler/take-photo?serial_number=CAM-A&ip_address=127.0.1.12")
                .then().statusCode(404)
                .body("message", containsString("no camera with serial_number 'CAM-A' and ip_address '127.0.1.12'"))
                .body("message", containsString("CAM-B (127.0.1.12)"));
    }

    @Test
    void aFolderIsServedInNameOrderRoundAndRound() throws Exception {
        List<Integer> colours = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            colours.add(primary(photo("serial_number=CAM-A&format=png").getRGB(8, 8)));
        }
        List<Integer> cycle = List.of(RED, GREEN, BLUE);
        int start = cycle.indexOf(colours.getFirst());
        for (int i = 0; i < 4; i++) {
            assertThat(colours.get(i)).as("frame %d of %s", i, colours).isEqualTo(cycle.get((start + i) % 3));
        }
    }

    @Test
    void aRandomFolderRepeatsItsDrawsForTheSameSeed() throws Exception {
        given().contentType(ContentType.JSON).body("{\"seed\": 5}").when().post("/admin/faults/CAM-C")
                .then().statusCode(200).body("CAM-C.latency_ms", equalTo(50));
        List<Integer> first = colours("CAM-C", 12);
        given().contentType(ContentType.JSON).body("{\"seed\": 5}").when().post("/admin/faults/CAM-C")
                .then().statusCode(200);
        assertThat(colours("CAM-C", 12)).isEqualTo(first);
        assertThat(first).contains(RED, GREEN, BLUE);
        boolean inNameOrder = true;
        for (int i = 1; i < first.size(); i++) {
            inNameOrder &= List.of(RED, GREEN, BLUE).indexOf(first.get(i))
                    == (List.of(RED, GREEN, BLUE).indexOf(first.get(i - 1)) + 1) % 3;
        }
        assertThat(inNameOrder).as("random, not in name order: %s", first).isFalse();
    }

    private static List<Integer> colours(String serial, int n) throws Exception {
        List<Integer> colours = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            colours.add(primary(photo("serial_number=" + serial + "&format=png").getRGB(8, 8)));
        }
        return colours;
    }

    @Test
    void cameraInfoReportsEachCamera() {
        given().when().get("/basler/get-camera-info?serial_number=CAM-B").then().statusCode(200)
                .body("Name", equalTo("Station B")).body("IP", equalTo("127.0.1.12"))
                .body("MAC", equalTo("00:30:53:00:00:0B")).body("SerialNumber", equalTo("CAM-B"));
        given().when().get("/basler/get-camera-info?ip_address=127.0.1.11").then().statusCode(200)
                .body("Name", equalTo("Emulated Basler camera line-a")).body("SerialNumber", equalTo("CAM-A"))
                .body("MAC", equalTo("00:00:00:00:00:02"));
        given().when().get("/basler/get-camera-info").then().statusCode(200).body("SerialNumber", equalTo("CAM-B"));
        given().when().get("/basler/get-camera-info?serial_number=CAM-OFF").then().statusCode(503)
                .body("message", containsString("camera CAM-OFF disconnected"));
        given().when().get("/basler/get-camera-info?serial_number=CAM-Z").then().statusCode(404);
        given().when().get("/cameras").then().statusCode(200)
                .body("id", contains("empty", "line-a", "line-b", "line-c", "metered", "slow", "unplugged"))
                .body("find { it.id == 'line-b' }.default", equalTo(true))
                .body("find { it.id == 'line-a' }.frames", equalTo(3))
                .body("find { it.id == 'line-a' }.source", containsString("line-frames (sequential)"))
                .body("find { it.id == 'line-c' }.source", containsString("(random)"))
                .body("find { it.id == 'line-b' }.source", containsString("file "))
                .body("find { it.id == 'unplugged' }.faults.disconnected", equalTo(true));
    }

    @Test
    void faultsFromTheConfigurationApplyFromTheStart() {
        long t0 = System.nanoTime();
        given().when().get("/basler/take-photo?serial_number=CAM-SLOW").then().statusCode(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("the camera's own latency").isGreaterThanOrEqualTo(300);
        t0 = System.nanoTime();
        given().when().get("/basler/take-photo?serial_number=CAM-B").then().statusCode(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("the latency of all cameras").isGreaterThanOrEqualTo(50);
        given().when().get("/basler/take-photo?serial_number=CAM-OFF").then().statusCode(503)
                .body("message", containsString("fault 'disconnected'"));
        given().when().get("/admin/faults").then().statusCode(200)
                .body("CAM-SLOW.latency_ms", equalTo(300)).body("CAM-A.latency_ms", equalTo(50))
                .body("CAM-OFF.disconnected", equalTo(true)).body("CAM-A.disconnected", equalTo(false));
    }

    @Test
    void faultsOfOneCameraLeaveTheOthersAlone() {
        try {
            given().contentType(ContentType.JSON).body("{\"failure_rate\": 1}").when().put("/admin/faults/line-a")
                    .then().statusCode(200).body("CAM-A.failure_rate", equalTo(1.0f));
            given().when().get("/basler/take-photo?serial_number=CAM-A").then().statusCode(500);
            given().when().get("/basler/take-photo?serial_number=CAM-B").then().statusCode(200);
        } finally {
            given().contentType(ContentType.JSON).body("{\"latency_ms\": 50}").when().put("/admin/faults/CAM-A")
                    .then().statusCode(200);
        }
    }

    @Test
    void healthListsEveryCameraAndACameraWithoutFramesIsNotReady() {
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'camera CAM-A' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'camera CAM-A' }.data.frames", equalTo(3))
                .body("checks.find { it.name == 'camera CAM-OFF' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'camera CAM-OFF' }.data.state", equalTo("disconnected"))
                .body("checks.find { it.name == 'camera CAM-SLOW' }.data.faults", equalTo("latency 300 ms"))
                .body("checks.find { it.name == 'camera CAM-EMPTY' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'camera CAM-EMPTY' }.data.state", equalTo("no frames"));
        given().when().get("/basler/take-photo?serial_number=CAM-EMPTY").then().statusCode(503)
                .body("message", containsString("camera CAM-EMPTY has no frames: no images"));
    }

    @Test
    void metricsCountPhotosAndFailuresByKindAndTimeEveryPhoto() {
        try {
            for (int i = 0; i < 2; i++) {
                given().when().get("/basler/take-photo?serial_number=CAM-M").then().statusCode(200);
            }
            given().contentType(ContentType.JSON).body("{\"failure_rate\": 1}").when().put("/admin/faults/CAM-M")
                    .then().statusCode(200);
            given().when().get("/basler/take-photo?serial_number=CAM-M").then().statusCode(500);
            given().contentType(ContentType.JSON).body("{\"disconnected\": true}").when().put("/admin/faults/CAM-M")
                    .then().statusCode(200);
            given().when().get("/basler/take-photo?serial_number=CAM-M").then().statusCode(503);
            given().contentType(ContentType.JSON).body("{\"corrupt_image\": true}").when().put("/admin/faults/CAM-M")
                    .then().statusCode(200);
            given().when().get("/basler/take-photo?serial_number=CAM-M").then().statusCode(200);
            given().when().get("/basler/take-photo?serial_number=CAM-M&quality=1").then().statusCode(400);
        } finally {
            given().when().delete("/admin/faults/CAM-M").then().statusCode(200);
        }
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("camera_photos_taken_total{camera=\"CAM-M\"} 2.0\n")
                .contains("camera_failures_total{camera=\"CAM-M\",kind=\"failure\"} 1.0\n")
                .contains("camera_failures_total{camera=\"CAM-M\",kind=\"disconnected\"} 1.0\n")
                .contains("camera_failures_total{camera=\"CAM-M\",kind=\"corrupt_image\"} 1.0\n")
                .contains("camera_failures_total{camera=\"CAM-M\",kind=\"hang\"} 0.0\n")
                .contains("camera_failures_total{camera=\"CAM-M\",kind=\"timeout\"} 0.0\n")
                .contains("camera_photo_seconds_count{camera=\"CAM-M\",outcome=\"ok\"} 2.0\n")
                .contains("camera_photo_seconds_count{camera=\"CAM-M\",outcome=\"failure\"} 1.0\n")
                .contains("camera_photo_seconds_bucket{camera=\"CAM-M\",outcome=\"ok\",le=\"+Inf\"} 2.0\n")
                .contains("camera_photo_seconds_bucket{camera=\"CAM-M\",outcome=\"ok\",le=\"0.001\"} 0.0\n")
                .contains("camera_photos_taken_total{camera=\"CAM-EMPTY\"} 0.0\n");
    }
}
