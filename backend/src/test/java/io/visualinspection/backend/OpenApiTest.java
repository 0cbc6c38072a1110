package io.visualinspection.backend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists every endpoint, with examples for the ones line controllers call. */
@QuarkusTest
@TestProfile(UpstreamDownTest.NothingListening.class)
class OpenApiTest {

    @Test
    void everyEndpointIsDocumentedAndTheMainOnesHaveExamples() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/main/with-camera"))
                .body("paths", hasKey("/main"))
                .body("paths", hasKey("/check-pattern"))
                .body("paths", hasKey("/patterns"))
                .body("paths", hasKey("/image-raw"))
                .body("paths", hasKey("/image-draw"))
                .body("paths", hasKey("/inspections"))
                .body("paths", hasKey("/inspections/{id}"))
                .body("paths", hasKey("/inspections/{id}/overrule"))
                .body("paths.'/main/with-camera'.get.responses.'200'.content.'application/json'.examples",
                        hasKey("all (return_options=127)"))
                .body("paths.'/main/with-camera'.get.responses.'504'.description", containsString("timeout"))
                .body("paths.'/check-pattern'.post.requestBody.content.'application/json'.examples.'by key'.value",
                        notNullValue());
    }
}
