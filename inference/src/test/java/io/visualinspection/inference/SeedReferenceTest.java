package io.visualinspection.inference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.visualinspection.model.InferenceResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real sample model over real HTTP reproduces the reference detections of the seed photos. */
@QuarkusTest
class SeedReferenceTest {

    @Test
    void everySeedPhotoGivesTheReferenceDetections() throws Exception {
        ReferenceDetections reference = ReferenceDetections.load();
        assertThat(reference.byImage()).isNotEmpty();
        for (Map.Entry<String, ReferenceDetections.Expected> e : reference.byImage().entrySet()) {
            InferenceResult result = given()
                    .multiPart("image", ReferenceDetections.image(e.getKey()).toFile(), "image/jpeg")
                    .when().post("/inference")
                    .then().statusCode(200)
                    .extract().as(InferenceResult.class);
            assertThat(result.imageWidth()).isEqualTo(e.getValue().width());
            assertThat(result.imageHeight()).isEqualTo(e.getValue().height());
            assertThat(result.model()).isEqualTo("yolov5s-coco");
            assertThat(result.timingsMs()).containsKeys("decode", "preprocess", "session", "postprocess", "total");
            ReferenceDetections.assertMatches(e.getKey(), result.detections(), e.getValue().detections());
        }
    }
}
