package io.visualinspection.camera;

import static io.restassured.RestAssured.given;
import static io.visualinspection.model.testing.OpenApiDocument.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.visualinspection.model.testing.OpenApiDocument;
import org.junit.jupiter.api.Test;

/** The examples of the OpenAPI document are the emulator's own answers to the same requests. */
@QuarkusTest
class ApiExamplesTest {

    @Test
    void theExamplesAreTheEmulatorsOwnAnswers() throws Exception {
        OpenApiDocument document = OpenApiDocument.of(given().accept("application/json").get("/q/openapi")
                .asByteArray());
        assertThat(document.responseExample("/basler/get-camera-info", "get", "200", "the default camera"))
                .isEqualTo(answer(given().get("/basler/get-camera-info"), 200));
        assertThat(document.responseExample("/basler/take-photo", "get", "400", "bad parameter"))
                .isEqualTo(answer(given().get("/basler/take-photo?quality=200"), 400));
        JsonNode unknown = answer(given().get("/basler/take-photo?serial_number=line-3"), 404);
        assertThat(document.responseExample("/basler/take-photo", "get", "404", "unknown camera")).isEqualTo(unknown);
        assertThat(document.responseExample("/basler/get-camera-info", "get", "404", "unknown camera"))
                .isEqualTo(answer(given().get("/basler/get-camera-info?serial_number=line-3"), 404));
    }

    private static JsonNode answer(Response response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        return json(response.asByteArray());
    }
}
