package io.visualinspection.backend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.ServiceProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With nothing listening where the upstreams should be, the backend answers 502 naming each and stays up. */
@QuarkusTest
@TestProfile(UpstreamDownTest.NothingListening.class)
class UpstreamDownTest {

    public static class NothingListening implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "backend.camera.url", "http://127.0.0.1:" + ServiceProcess.freePort(),
                    "backend.inference.url", "http://127.0.0.1:" + ServiceProcess.freePort());
        }
    }

    @Test
    void cameraUnreachableIs502NamingTheCamera() {
        given().when().get("/main/with-camera")
                .then().statusCode(502)
                .body("upstream", equalTo("camera"))
                .body("message", containsString("camera is unreachable"));
    }

    @Test
    void inferenceUnreachableIs502NamingInference() {
        given().multiPart("image", SampleData.image("chelsea.png").toFile(), "image/png")
                .when().post("/main")
                .then().statusCode(502)
                .body("upstream", equalTo("inference"))
                .body("message", containsString("inference is unreachable"));
    }

    @Test
    void notReadyButAlive() {
        given().when().get("/q/health/ready").then().statusCode(503);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/image-raw").then().statusCode(404)
                .body("message", containsString("no inspection has run yet"));
    }
}
