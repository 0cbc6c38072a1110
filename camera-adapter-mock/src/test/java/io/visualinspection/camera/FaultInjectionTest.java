package io.visualinspection.camera;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ImageDecodeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults set at run time through {@code /admin/faults}, seen from a client of the adapter API. */
@QuarkusTest
class FaultInjectionTest {

    @TestHTTPResource("/basler/take-photo")
    URI takePhoto;

    @AfterEach
    void resetFaults() {
        given().when().delete("/admin/faults").then().statusCode(200)
                .body("EMU-0001.hang", equalTo(false)).body("EMU-0001.latency_ms", equalTo(0));
    }

    static void setFaults(String json) {
        given().contentType(ContentType.JSON).body(json).when().put("/admin/faults").then().statusCode(200);
    }

    static long millis(Runnable call) {
        long t0 = System.nanoTime();
        call.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void addedLatencyAndJitterDelayEveryPhoto() {
        setFaults("{\"latency_ms\": 300}");
        given().when().get("/admin/faults").then().statusCode(200).body("EMU-0001.latency_ms", equalTo(300));
        assertThat(millis(() -> given().when().get("/basler/take-photo").then().statusCode(200)))
                .isGreaterThanOrEqualTo(300);
        setFaults("{\"latency_ms\": 100, \"jitter_ms\": 200, \"seed\": 1}");
        for (int i = 0; i < 3; i++) {
            assertThat(millis(() -> given().when().get("/basler/take-photo").then().statusCode(200)))
                    .isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void latencyBeyondTimeoutMsIsACameraTimeout() {
        setFaults("{\"latency_ms\": 2000}");
        long took = millis(() -> given().when().get("/basler/take-photo?timeout_ms=300")
                .then().statusCode(504).body("error", equalTo("Gateway Timeout"))
                .body("message", containsString("no frame within timeout_ms 300")));
        assertThat(took).isGreaterThanOrEqualTo(300);
        setFaults("{}");
        given().when().get("/basler/take-photo?timeout_ms=300&exposure_time_microseconds=400000")
                .then().statusCode(504).body("message", containsString("exposure 400000 us"));
    }

    @Test
    void failureRateOneAlwaysFailsAndASeedRepeatsTheDraws() {
        setFaults("{\"failure_rate\": 1}");
        given().when().get("/basler/take-photo").then().statusCode(500)
                .body("status", equalTo(500)).body("error", equalTo("Internal Server Error"))
                .body("message", equalTo("camera EMU-0001 failed to grab a frame (fault 'failure', failure_rate 1.0)"));
        given().when().get("/basler/get-camera-info").then().statusCode(200);

        setFaults("{\"failure_rate\": 0.5, \"seed\": 3}");
        List<Integer> first = statuses(20);
        setFaults("{\"failure_rate\": 0.5, \"seed\": 3}");
        assertThat(statuses(20)).isEqualTo(first);
        assertThat(first).contains(200, 500).containsOnly(200, 500);
    }

    private static List<Integer> statuses(int n) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statuses.add(given().when().get("/basler/take-photo").then().extract().statusCode());
        }
        return statuses;
    }

    @Test
    void aHungCameraNeverAnswersWithinTheTimeoutAndAResetReleasesIt() throws Exception {
        setFaults("{\"hang\": true}");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest withTimeout = HttpRequest.newBuilder(takePhoto).timeout(Duration.ofSeconds(1)).build();
        assertThatThrownBy(() -> http.send(withTimeout, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(HttpTimeoutException.class);

        CompletableFuture<HttpResponse<String>> hung = http.sendAsync(HttpRequest.newBuilder(takePhoto).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitHungRequests(2); // the one the client gave up on hangs on as well
        given().when().get("/basler/get-camera-info").then().statusCode(200); // other requests are served meanwhile
        assertThat(hung).isNotDone();

        given().when().delete("/admin/faults/EMU-0001").then().statusCode(200);
        HttpResponse<String> released = hung.get(30, TimeUnit.SECONDS);
        assertThat(released.statusCode()).isEqualTo(503);
        assertThat(released.body()).contains("camera EMU-0001 hung (fault 'hang') and was released after");
        given().when().get("/basler/take-photo").then().statusCode(200);
    }

    private static void awaitHungRequests(int n) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            int hung = given().when().get("/cameras").then().statusCode(200)
                    .extract().path("find { it.serial_number == 'EMU-0001' }.hung_requests");
            if (hung >= n) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + n + " requests hang");
    }

    @Test
    void corruptImagesAreA200WithUnreadableBytes() {
        setFaults("{\"corrupt_image\": true}");
        for (String format : new String[] {"jpeg", "png", "bmp"}) {
            Response r = given().when().get("/basler/take-photo?format=" + format);
            r.then().statusCode(200).contentType("image/" + format);
            byte[] bytes = r.asByteArray();
            assertThat(bytes.length).isPositive();
            assertThatThrownBy(() -> ImageCodec.decode(bytes)).as(format).isInstanceOf(ImageDecodeException.class);
        }
        byte[] png = given().when().get("/basler/take-photo?format=png").then().extract().asByteArray();
        assertThat(new String(png, 1, 3)).as("still looks like a PNG").isEqualTo("PNG");
    }

    @Test
    void aDisconnectedCameraIsUnreachableButTheServiceStaysReady() {
        setFaults("{\"disconnected\": true}");
        given().when().get("/basler/take-photo").then().statusCode(503)
                .body("error", equalTo("Service Unavailable"))
                .body("message", equalTo("camera EMU-0001 disconnected: no device with serial number EMU-0001 at "
                        + "127.0.0.1 (fault 'disconnected')"));
        given().when().get("/basler/get-camera-info").then().statusCode(503)
                .body("message", containsString("disconnected"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'camera EMU-0001' }.data.state", equalTo("disconnected"))
                .body("checks.find { it.name == 'camera EMU-0001' }.data.faults", equalTo("disconnected"));
    }

    @Test
    void putReplacesPostMergesDeleteResets() {
        setFaults("{\"latency_ms\": 5, \"corrupt_image\": true}");
        given().contentType(ContentType.JSON).body("{\"jitter_ms\": 7}").when().post("/admin/faults/EMU-0001")
                .then().statusCode(200).body("EMU-0001.latency_ms", equalTo(5)).body("EMU-0001.jitter_ms", equalTo(7))
                .body("EMU-0001.corrupt_image", equalTo(true))
                .body("EMU-0001.keySet()", containsInAnyOrder("latency_ms", "jitter_ms", "failure_rate", "hang",
                        "corrupt_image", "disconnected"));
        given().contentType(ContentType.JSON).body("{\"failure_rate\": 0.25}").when().put("/admin/faults/default")
                .then().statusCode(200).body("EMU-0001.latency_ms", equalTo(0))
                .body("EMU-0001.failure_rate", equalTo(0.25f)).body("EMU-0001.corrupt_image", equalTo(false));
        given().when().get("/admin/faults/EMU-0001").then().statusCode(200)
                .body("EMU-0001.failure_rate", equalTo(0.25f));
        given().when().delete("/admin/faults").then().statusCode(200)
                .body("EMU-0001.failure_rate", equalTo(0.0f));
    }

    @Test
    void invalidAdminInputIs400NamingTheField() {
        String[][] refused = {
            {"{\"failure_rate\": 1.5}", "failure_rate must be in 0..1, got 1.5"},
            {"{\"latency_ms\": -1}", "latency_ms must be in 0..600000, got -1"},
            {"{\"jitter_ms\": 700000}", "jitter_ms must be in 0..600000"},
            {"{\"latency_ms\": 1.5}", "latency_ms must be a whole number, got 1.5"},
            {"{\"hang\": \"yes\"}", "hang must be true or false, got \"yes\""},
            {"{\"seed\": \"x\"}", "seed must be a whole number"},
            {"{\"latncy_ms\": 5}", "unknown field 'latncy_ms'; known: latency_ms"},
            {"[1, 2]", "the body must be a JSON object"},
            {"{\"hang\": tru", "the body is not valid JSON"},
        };
        for (String[] r : refused) {
            given().contentType(ContentType.JSON).body(r[0]).when().put("/admin/faults")
                    .then().statusCode(400).body("status", equalTo(400)).body("message", containsString(r[1]));
        }
        given().contentType(ContentType.JSON).body("{\"hang\": true}").when().put("/admin/faults/NOPE")
                .then().statusCode(404).body("message", containsString("no camera with id or serial number 'NOPE'"));
        given().when().get("/admin/faults").then().statusCode(200).body("EMU-0001.hang", equalTo(false));
    }
}
