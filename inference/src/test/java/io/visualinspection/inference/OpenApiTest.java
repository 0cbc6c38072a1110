package io.visualinspection.inference;

import static io.restassured.RestAssured.given;
import static io.visualinspection.model.testing.OpenApiDocument.fieldNames;
import static io.visualinspection.model.testing.OpenApiDocument.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.visualinspection.model.InferenceResult;
import io.visualinspection.model.testing.OpenApiDocument;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document shows what the detection endpoints answer, and its examples are what the service really
 * answers: the same fields for a detection, the same bodies for the errors a caller can cause.
 */
@QuarkusTest
class OpenApiTest {

    @Test
    void theDetectionExampleHasTheFieldsOfARealAnswer() throws Exception {
        JsonNode example = document().responseExample("/inference", "post", "200", "two objects");
        JsonNode real = json(given().contentType("image/png").body(Files.readAllBytes(InferenceResourceTest.CAT))
                .when().post("/inference").then().statusCode(200).extract().asByteArray());

        assertThat(fieldNames(example)).isEqualTo(fieldNames(real));
        assertThat(fieldNames(example.get("timings_ms"))).isEqualTo(fieldNames(real.get("timings_ms")));
        InferenceResult read = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .treeToValue(example, InferenceResult.class);
        assertThat(read.bboxes()).hasSameSizeAs(read.classIds()).hasSameSizeAs(read.scores())
                .hasSameSizeAs(read.classNames());
        assertThat(document().responseExample("/models/{name}/detect", "post", "200", "two objects"))
                .isEqualTo(example);
    }

    @Test
    void theErrorExamplesAreTheServicesOwnAnswers() throws Exception {
        OpenApiDocument document = document();
        byte[] cat = Files.readAllBytes(InferenceResourceTest.CAT);
        assertThat(document.responseExample("/inference", "post", "400", "not an image")).isEqualTo(answer(given()
                .contentType("application/octet-stream").body("not an image".getBytes()).post("/inference"), 400));
        assertThat(document.responseExample("/inference", "post", "400", "bad parameter")).isEqualTo(answer(given()
                .contentType("image/png").body(cat).queryParam("score_threshold", "2").post("/inference"), 400));
        assertThat(document.responseExample("/inference", "post", "413", "too many pixels")).isEqualTo(answer(given()
                .contentType("image/png").body(InferenceResourceTest.pngDeclaring(50_000, 50_000)).post("/inference"),
                413));
        assertThat(document.responseExample("/models/{name}/detect", "post", "404", "unknown model"))
                .isEqualTo(answer(given().contentType("image/png").body(cat).post("/models/board-v2/detect"), 404));
        // A full queue cannot be made on demand here (SplitUnderLoadTest fills one); its example has the same form.
        JsonNode busy = document.responseExample("/inference", "post", "503", "queue full");
        assertThat(busy.get("status").asInt()).isEqualTo(503);
        assertThat(fieldNames(busy)).containsExactly("status", "error", "message");
    }

    private static OpenApiDocument document() throws Exception {
        return OpenApiDocument.of(given().accept("application/json").get("/q/openapi").asByteArray());
    }

    private static JsonNode answer(Response response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        return json(response.asByteArray());
    }
}
