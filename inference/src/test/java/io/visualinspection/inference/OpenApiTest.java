package io.visualinspection.inference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.visualinspection.model.InferenceResult;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document shows what the detection endpoints answer, and its examples are what the service really
 * answers: the same fields for a detection, the same bodies for the errors a caller can cause.
 */
@QuarkusTest
class OpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDetectionExampleHasTheFieldsOfARealAnswer() throws Exception {
        JsonNode example = example("/inference", "200", "two objects");
        JsonNode real = JSON.readTree(given().contentType("image/png").body(Files.readAllBytes(InferenceResourceTest.CAT))
                .when().post("/inference").then().statusCode(200).extract().asByteArray());

        assertThat(fieldNames(example)).isEqualTo(fieldNames(real));
        assertThat(fieldNames(example.get("timings_ms"))).isEqualTo(fieldNames(real.get("timings_ms")));
        InferenceResult read = JSON.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .treeToValue(example, InferenceResult.class);
        assertThat(read.bboxes()).hasSameSizeAs(read.classIds()).hasSameSizeAs(read.scores())
                .hasSameSizeAs(read.classNames());
        assertThat(example("/models/{name}/detect", "200", "two objects")).isEqualTo(example);
    }

    @Test
    void theErrorExamplesAreTheServicesOwnAnswers() throws Exception {
        byte[] cat = Files.readAllBytes(InferenceResourceTest.CAT);
        assertThat(example("/inference", "400", "not an image")).isEqualTo(answer(given()
                .contentType("application/octet-stream").body("not an image".getBytes()).post("/inference"), 400));
        assertThat(example("/inference", "400", "bad parameter")).isEqualTo(answer(given()
                .contentType("image/png").body(cat).queryParam("score_threshold", "2").post("/inference"), 400));
        assertThat(example("/inference", "413", "too many pixels")).isEqualTo(answer(given()
                .contentType("image/png").body(InferenceResourceTest.pngDeclaring(50_000, 50_000)).post("/inference"),
                413));
        assertThat(example("/models/{name}/detect", "404", "unknown model")).isEqualTo(answer(given()
                .contentType("image/png").body(cat).post("/models/board-v2/detect"), 404));
        // A full queue cannot be made on demand here (SplitUnderLoadTest fills one); its example has the same form.
        JsonNode busy = example("/inference", "503", "queue full");
        assertThat(busy.get("status").asInt()).isEqualTo(503);
        assertThat(fieldNames(busy)).containsExactly("status", "error", "message");
    }

    private static JsonNode answer(io.restassured.response.Response response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        return JSON.readTree(response.asByteArray());
    }

    /** An example of the document; SmallRye puts a JSON example in as JSON, anything else as a string. */
    private static JsonNode example(String path, String status, String name) throws Exception {
        JsonNode document = JSON.readTree(given().accept("application/json").get("/q/openapi").asByteArray());
        JsonNode value = document.path("paths").path(path).path("post").path("responses").path(status)
                .path("content").path("application/json").path("examples").path(name).path("value");
        assertThat(value.isMissingNode()).as("example '%s' of %s %s", name, status, path).isFalse();
        return value.isTextual() ? JSON.readTree(value.asText()) : value;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
