package io.visualinspection.backend;

import static io.restassured.RestAssured.given;
import static io.visualinspection.model.testing.OpenApiDocument.fieldNames;
import static io.visualinspection.model.testing.OpenApiDocument.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.visualinspection.model.testing.OpenApiDocument;
import io.visualinspection.model.testing.SampleData;
import org.junit.jupiter.api.Test;

/**
 * The examples of the OpenAPI document are what the backend really answers, through the real camera emulator
 * (serving the cat photo) and inference service: the fields of an inspection, and the very bodies of a pattern
 * check and of the mistakes a line controller can make.
 */
@QuarkusTest
@WithTestResource(RealUpstreams.class)
class ApiExamplesTest {

    @Test
    void theInspectionExamplesHaveTheFieldsOfRealInspections() throws Exception {
        OpenApiDocument document = document();
        JsonNode all = document.responseExample("/main/with-camera", "get", "200", "all (return_options=127)");
        // The example fails its pattern, so it has a reason: so does the cup photo against the cat pattern.
        JsonNode failed = json(given().multiPart("image", SampleData.image("coffee.png").toFile(), "image/png")
                .when().post("/main").then().statusCode(200).extract().asByteArray());
        JsonNode withCamera = json(given().when().get("/main/with-camera").then().statusCode(200).extract()
                .asByteArray());
        assertThat(fieldNames(all)).isEqualTo(fieldNames(failed));
        assertThat(fieldNames(all.get("images"))).isEqualTo(fieldNames(withCamera.get("images")));
        assertThat(fieldNames(all.get("results"))).isEqualTo(fieldNames(withCamera.get("results")));
        assertThat(fieldNames(all.get("timings_ms"))).isEqualTo(fieldNames(withCamera.get("timings_ms")));
        assertThat(document.responseExample("/main", "post", "200", "all (return_options=127)")).isEqualTo(all);

        JsonNode decisionOnly = document.responseExample("/main/with-camera", "get", "200",
                "decision only (return_options=1)");
        JsonNode passed = json(given().when().get("/main/with-camera?return_options=1").then().statusCode(200)
                .extract().asByteArray());
        assertThat(passed.get("decision").asBoolean()).isEqualTo(decisionOnly.get("decision").asBoolean());
        assertThat(fieldNames(decisionOnly)).isEqualTo(fieldNames(passed));
        assertThat(fieldNames(decisionOnly.get("timings_ms"))).isEqualTo(fieldNames(passed.get("timings_ms")));
    }

    @Test
    void thePatternCheckExampleIsTheAnswerToItsRequestExample() throws Exception {
        OpenApiDocument document = document();
        JsonNode request = document.requestExample("/check-pattern", "post", "by key");
        assertThat(answer(given().contentType("application/json").body(request.toString()).post("/check-pattern"),
                200)).isEqualTo(document.responseExample("/check-pattern", "post", "200", "passed"));
    }

    @Test
    void theErrorExamplesAreTheBackendsOwnAnswers() throws Exception {
        OpenApiDocument document = document();
        assertThat(document.responseExample("/main/with-camera", "get", "400", "bad parameter"))
                .isEqualTo(answer(given().get("/main/with-camera?min_score=2"), 400));
        JsonNode unknownPattern = answer(given().get("/main/with-camera?pattern_key=board-b"), 404);
        assertThat(document.responseExample("/main/with-camera", "get", "404", "unknown pattern"))
                .isEqualTo(unknownPattern);
        assertThat(document.responseExample("/check-pattern", "post", "404", "unknown pattern"))
                .isEqualTo(unknownPattern);
        // Upstream faults are made in UpstreamDownTest; their examples have the form of the answers made there.
        for (String[] fault : new String[][] {{"502", "camera unreachable"}, {"503", "inference busy"},
                {"504", "camera timeout"}}) {
            JsonNode example = document.responseExample("/main/with-camera", "get", fault[0], fault[1]);
            assertThat(example.get("status").asText()).isEqualTo(fault[0]);
            assertThat(fieldNames(example)).containsExactly("status", "error", "message", "upstream");
        }
    }

    private static OpenApiDocument document() throws Exception {
        return OpenApiDocument.of(given().accept("application/json").get("/q/openapi").asByteArray());
    }

    private static JsonNode answer(Response response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        return json(response.asByteArray());
    }
}
