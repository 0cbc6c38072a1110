package io.visualinspection.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.restassured.path.json.JsonPath;
import io.visualinspection.model.image.ImageCodec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A line controller's view of the system: trigger the camera through the backend and get decisions. The
 * camera serves the sample images in name order, so three triggers give NOK (astronaut: nothing above
 * min_score), OK (chelsea: the cat), NOK (coffee: a cup where the cat should be).
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InspectionEndToEndIT {

    final RunningSystem system = RunningSystem.get();

    @Test
    @Order(1)
    void beforeAnyInspectionTheLatestImageIs404() {
        given().baseUri(system.backend.url()).when().get("/image-draw")
                .then().statusCode(404).body("message", containsString("no inspection has run yet"));
    }

    @Test
    @Order(2)
    void triggersGiveTheExpectedPassAndFailDecisions() throws Exception {
        List<Boolean> decisions = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonPath json = given().baseUri(system.backend.url())
                    .when().get("/main/with-camera")
                    .then().statusCode(200).extract().jsonPath();
            decisions.add(json.getBoolean("decision"));
            classes.add(String.join(",", json.getList("results.class_names", String.class)));
            byte[] drawn = Base64.getDecoder().decode(json.getString("images.img_drawn"));
            assertThat(ImageCodec.decode(drawn).getWidth()).isEqualTo(json.getInt("image_width"));
        }
        assertThat(decisions).containsExactly(false, true, false);
        assertThat(classes.get(1)).contains("cat");
        assertThat(classes.get(2)).contains("cup");
    }

    @Test
    @Order(3)
    void theLatestImagesAreThoseOfTheLastInspection() throws Exception {
        byte[] drawn = given().baseUri(system.backend.url()).when().get("/image-draw")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(ImageCodec.decode(drawn).getWidth()).isEqualTo(600); // coffee.png
    }

    @Test
    @Order(4)
    void everyServiceExposesPrometheusMetrics() {
        for (var service : List.of(system.camera, system.inference, system.backend, system.frontend)) {
            given().baseUri(service.url()).when().get("/q/metrics")
                    .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        }
        given().baseUri(system.inference.url()).when().get("/q/metrics")
                .then().body(containsString("inference_session_seconds_count{model=\"yolov5s-coco\"}"));
    }
}
