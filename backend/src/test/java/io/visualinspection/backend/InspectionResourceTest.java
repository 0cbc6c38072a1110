package io.visualinspection.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.testing.SampleData;
import java.awt.image.BufferedImage;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Inspections through the real camera emulator and inference service, with the sample pattern demo-cat. */
@QuarkusTest
@WithTestResource(RealUpstreams.class)
class InspectionResourceTest {

    @Test
    void theCatPhotoPassesTheCatPattern() {
        given().multiPart("image", SampleData.image("chelsea.png").toFile(), "image/png")
                .when().post("/main")
                .then().statusCode(200)
                .body("decision", equalTo(true))
                .body("pattern_key", equalTo("demo-cat"))
                .body("pattern_name", equalTo("cat-centred"))
                .body("pattern_lg", contains(true))
                .body("results.class_names", hasItem("cat"))
                .body("image_width", equalTo(451))
                .body("inspection_id", matchesPattern("\\d{8}T\\d{9}Z-[0-9a-f]{8}"))
                .body("timestamp", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z"))
                .body("timings_ms.keySet()", hasItems("inference", "pattern", "decoding", "drawing", "encoding",
                        "total"))
                .body("timings_ms", not(hasKey("camera")));
    }

    @Test
    void aCameraInspectionTimesTheCameraAndLeavesOutWhatWasNotAskedFor() {
        given().when().get("/main/with-camera?return_options=1")
                .then().statusCode(200)
                .body("timings_ms.keySet()", hasItems("camera", "inference", "pattern", "total"))
                .body("timings_ms", not(hasKey("drawing")))
                .body("timings_ms", not(hasKey("encoding")));
    }

    @Test
    void theCupPhotoFailsAndTheDrawnImageShowsTheResult() throws Exception {
        JsonPath json = given().multiPart("image", SampleData.image("coffee.png").toFile(), "image/png")
                .when().post("/main")
                .then().statusCode(200)
                .body("decision", equalTo(false))
                .body("pattern_lg", contains(false))
                .body("reason", containsString("not found"))
                .extract().jsonPath();
        BufferedImage drawn = ImageCodec.decode(Base64.getDecoder().decode(json.getString("images.img_drawn")));
        assertThat(drawn.getWidth()).isEqualTo(600);
        int banner = drawn.getRGB(599, 3);
        assertThat((banner >> 16) & 0xff).as("red NOK banner").isGreaterThan(150);
        assertThat((banner >> 8) & 0xff).isLessThan(100);
    }

    @Test
    void theCameraIsTriggeredAndItsPhotoInspected() throws Exception {
        JsonPath json = given().when().get("/main/with-camera?format=png&min_score=0.5")
                .then().statusCode(200)
                .body("decision", equalTo(true))
                .body("images.img", notNullValue())
                .body("images.img_drawn", notNullValue())
                .extract().jsonPath();
        // Standard base64 with padding, as the ancestor sent: the photo as the camera took it, the drawing a JPEG.
        byte[] photo = Base64.getDecoder().decode(json.getString("images.img"));
        assertThat(photo).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        BufferedImage taken = ImageCodec.decode(photo);
        BufferedImage drawn = ImageCodec.decode(Base64.getDecoder().decode(json.getString("images.img_drawn")));
        assertThat(drawn.getWidth()).isEqualTo(taken.getWidth());
        assertThat(json.getString("images.img")).doesNotContain("\n").doesNotContain("-").doesNotContain("_");
    }

    @Test
    void onlyTheImagesAskedForAreReturned() {
        given().when().get("/main/with-camera?return_options=5")
                .then().statusCode(200)
                .body("images.img", notNullValue())
                .body("images", not(hasKey("img_drawn")))
                .body("timings_ms", not(hasKey("drawing")))
                .body("timings_ms", not(hasKey("decoding")));
        given().when().get("/main/with-camera?return_options=9")
                .then().statusCode(200)
                .body("images.img_drawn", notNullValue())
                .body("images", not(hasKey("img")));
    }

    @Test
    void returnOptionsSelectTheFields() {
        given().when().get("/main/with-camera?return_options=1")
                .then().statusCode(200)
                .body("decision", equalTo(true))
                .body("$", not(hasKey("images")))
                .body("$", not(hasKey("results")))
                .body("$", not(hasKey("pattern_lg")));
        given().when().get("/main/with-camera?return_options=48")
                .then().statusCode(200)
                .body("$", not(hasKey("decision")))
                .body("results", aMapWithSize(3))
                .body("results.class_ids", hasItem(15));
    }

    @Test
    void aMinimumScoreAboveEveryDetectionFailsWithAReasonNotAnError() {
        // min_score 0.99: nothing takes part, so the decision is false with a reason, not an error.
        given().when().get("/main/with-camera?min_score=0.99&return_options=3")
                .then().statusCode(200)
                .body("decision", equalTo(false))
                .body("reason", containsString("no detection has a score >= 0.99"));
    }

    @Test
    void aLineControllerThatAcceptsOnlyTextStillGetsTheJsonAnswer() {
        // Its HTTP library's default; the ancestor disregarded Accept, and a 406 would stop the line.
        given().accept("text/plain").multiPart("image", SampleData.image("chelsea.png").toFile(), "image/png")
                .when().post("/main?return_options=1")
                .then().statusCode(200).contentType(startsWith("application/json")).body("decision", equalTo(true));
        given().accept("text/html, application/xhtml+xml").when().get("/patterns")
                .then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void aHeadRequestInspectsNothing() {
        // An uptime monitor's HEAD would otherwise take a photo and record an inspection, as GET does.
        int before = given().when().get("/inspections?limit=1").then().statusCode(200).extract().path("total");
        given().when().head("/main/with-camera?return_options=1").then().statusCode(405).header("Allow", "GET");
        given().multiPart("image", SampleData.image("chelsea.png").toFile(), "image/png")
                .when().head("/main").then().statusCode(405).header("Allow", "POST, GET");
        int after = given().when().get("/inspections?limit=1").then().statusCode(200).extract().path("total");
        assertThat(after).isEqualTo(before);
        given().when().delete("/main/with-camera").then().statusCode(405)
                .body("message", equalTo("DELETE /main/with-camera is not allowed; /q/openapi lists the methods each "
                        + "endpoint takes"));
    }

    @Test
    void badParametersAre400AndUnknownPatternsAre404() {
        given().when().get("/main/with-camera?return_options=128")
                .then().statusCode(400).body("message", containsString("return_options must be a bitmask"));
        given().when().get("/main/with-camera?min_score=2")
                .then().statusCode(400).body("message", equalTo("min_score must be in 0..1, got 2.0"));
        given().when().get("/main/with-camera?quality=5")
                .then().statusCode(400).body("message", equalTo("quality must be in 10..100, got 5"));
        given().when().get("/main/with-camera?timeout_ms=60000")
                .then().statusCode(400).body("message", containsString("timeout_ms must be at most 4000"));
        given().when().get("/main/with-camera?pattern_key=nope")
                .then().statusCode(404)
                .body("message", equalTo("unknown pattern_key 'nope'; known: [demo-cat]"));
        given().when().get("/main/with-camera?serial_number=XYZ")
                .then().statusCode(404)
                .body("upstream", equalTo("camera"))
                .body("message", containsString("no camera with serial_number 'XYZ'"));
        given().multiPart("image", "x.jpg", "not an image".getBytes(), "image/jpeg")
                .when().post("/main")
                .then().statusCode(400)
                .body("upstream", equalTo("inference"))
                .body("message", containsString("not an image"));
        given().multiPart("picture", SampleData.image("chelsea.png").toFile(), "image/png")
                .when().post("/main")
                .then().statusCode(400).body("message", containsString("'image' is missing"));
        given().contentType("image/png").body(SampleData.image("chelsea.png").toFile())
                .when().post("/main")
                .then().statusCode(415).body("message", equalTo("POST /main does not take a body of Content-Type "
                        + "'image/png'; send the image in multipart/form-data, in a file part named 'image' "
                        + "(curl -F image=@photo.jpg)"));
    }

    @Test
    void theLatestImagesAreServedAsJpeg() throws Exception {
        given().multiPart("image", SampleData.image("coffee.png").toFile(), "image/png")
                .when().post("/main?return_options=1").then().statusCode(200);
        byte[] raw = given().when().get("/image-raw").then().statusCode(200).contentType("image/jpeg")
                .extract().asByteArray();
        assertThat(ImageCodec.decode(raw).getWidth()).isEqualTo(600);
        byte[] drawn = given().when().get("/image-draw").then().statusCode(200).contentType("image/jpeg")
                .extract().asByteArray();
        assertThat(drawn).isNotEqualTo(raw);
        assertThat(ImageCodec.decode(drawn).getHeight()).isEqualTo(400);
    }

    @Test
    void inspectionsAreCountedByDecisionAndPattern() {
        given().multiPart("image", SampleData.image("chelsea.png").toFile(), "image/png")
                .when().post("/main?return_options=1").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("inspections_total\\{decision=\"ok\",pattern=\"demo-cat\"} [1-9]");
        assertThat(metrics).contains("inspection_stage_seconds_bucket{stage=\"inference\"");
        assertThat(metrics).contains("inspection_last_decision{pattern=\"demo-cat\"} 1.0");
        assertThat(metrics).containsPattern("inspection_last_timestamp_seconds\\{pattern=\"demo-cat\"} 1\\.[0-9]+E9");
        assertThat(metrics).contains("http_server_requests_seconds_bucket{");
        assertThat(metrics).containsPattern("process_resident_memory_bytes [0-9.E]+");
    }

    @Test
    void anUploadInferenceCannotReadIsTheCallersErrorNotAnUpstreamFault() {
        given().multiPart("image", "x.jpg", "not an image".getBytes(), "image/jpeg")
                .when().post("/main")
                .then().statusCode(400).body("upstream", equalTo("inference"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("upstream_errors_total{kind=\"failed\",upstream=\"inference\"}")
                .doesNotContain("kind=\"refused\"");
    }

    @Test
    void checkPatternTakesAKeyOrAnInlinePattern() {
        checkPattern("{\"coordinates\": [[0.1, 0.1, 0.9, 0.9]], \"class_ids\": [15], \"pattern_key\": \"demo-cat\"}")
                .statusCode(200)
                .body("decision", equalTo(true)).body("pattern_name", equalTo("cat-centred")).body("lg", contains(true));
        checkPattern("{\"coordinates\": [[0.1, 0.1, 0.2, 0.2], [0.6, 0.6, 0.7, 0.7]], \"class_ids\": [1, 1],"
                + " \"pattern\": {\"two\": ["
                + "{\"class_id\": 1, \"inner\": [0.15, 0.15, 0.15, 0.15], \"outer\": [0.0, 0.0, 0.5, 0.5]},"
                + "{\"class_id\": 1, \"inner\": [0.15, 0.15, 0.15, 0.15], \"outer\": [0.0, 0.0, 0.5, 0.5]}]}}")
                .statusCode(200)
                .body("decision", equalTo(false))
                .body("lg", contains(true, false))
                .body("matched_detections", contains(0, -1));
        checkPattern("{\"coordinates\": [[0.1, 0.1, 0.9, 0.9]], \"class_ids\": [15, 16]}")
                .statusCode(400).body("message", containsString("same length"));
        checkPattern("{\"coordinates\": [], \"class_ids\": []}")
                .statusCode(200).body("decision", equalTo(false)).body("reason", equalTo("no detections"));
    }

    private static ValidatableResponse checkPattern(String json) {
        return given().contentType("application/json").body(json).when().post("/check-pattern").then();
    }

    /**
     * A class id of 15.0 (as Python clients write numbers) is class 15; 15.5 is no class, not class 15. Boxes in
     * pixels (as /inference answers) would never match: refused, saying so.
     */
    @Test
    void checkPatternTakesNormalisedBoxesAndWholeClassIdsAndRefusesFieldsItDoesNotTake() {
        checkPattern("{\"coordinates\": [[0.1, 0.1, 0.9, 0.9]], \"class_ids\": [15.0]}")
                .statusCode(200).body("decision", equalTo(true));
        checkPattern("{\"coordinates\": [[120.5, 80.0, 310.2, 260.9]], \"class_ids\": [15]}")
                .statusCode(400).body("message", containsString("coordinates[0] must be normalised to the image size"));
        checkPattern("{\"coordinates\": [[0.1, 0.1, 0.9, 0.9]], \"class_ids\": [15.5]}")
                .statusCode(400).body("message", equalTo("class_ids[0] must be a whole number, got 15.5"));
        checkPattern("{\"coordinates\": [[0.1, 0.1, 0.9, 0.9]], \"class_ids\": [15], \"patternkey\": \"x\"}")
                .statusCode(400)
                .body("message", startsWith("unknown parameter 'patternkey' for the body of POST /check-pattern; "
                        + "known: [class_ids, coordinates, min_score, pattern, pattern_key, scores, strict]"));
    }

    @Test
    void patternsAreListed() {
        given().when().get("/patterns")
                .then().statusCode(200)
                .body("default_key", equalTo("demo-cat"))
                .body("patterns[0].key", equalTo("demo-cat"))
                .body("patterns[0].variants[0].name", equalTo("cat-centred"))
                .body("errors", aMapWithSize(0));
    }

    @Test
    void readinessReportsTheUpstreams() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.camera", equalTo("up"))
                .body("checks.find { it.name == 'upstreams' }.data.inference", equalTo("up"));
    }

    @Test
    void aModelAndItsParametersCanBeChosenPerInspection() {
        given().when().get("/main/with-camera?model=yolov5s-coco&score_threshold=0.6&return_options=17")
                .then().statusCode(200)
                .body("decision", equalTo(false))
                .body("results.bboxes", org.hamcrest.Matchers.empty());
        given().when().get("/main/with-camera?model=yolov5s-coco&max_detections=1&return_options=17")
                .then().statusCode(200).body("decision", equalTo(true));
        given().when().get("/main/with-camera?max_detections=0")
                .then().statusCode(400).body("message", equalTo("max_detections must be in 1..1000, got 0"));
        given().when().get("/main/with-camera?model=nope")
                .then().statusCode(404).body("upstream", equalTo("inference"))
                .body("message", containsString("no model named 'nope'"));
        given().when().get("/main/with-camera?model=../models")
                .then().statusCode(400).body("message", containsString("model must be a model name"));
    }

    @Test
    void theLegacyGetWithAMultipartBodyIsAccepted() {
        given().multiPart("image", SampleData.image("chelsea.png").toFile(), "image/png")
                .when().get("/main")
                .then().statusCode(200).body("decision", equalTo(true)).body("reason", nullValue());
    }

    /** A misspelt name would otherwise be left out: the photo checked against the default pattern, and passed. */
    @Test
    void aParameterTheEndpointDoesNotTakeIsRefusedBeforeAnythingIsInspected() {
        int before = given().when().get("/inspections?limit=1").then().statusCode(200).extract().path("total");
        given().when().get("/main/with-camera?patern_key=demo-cat&return_options=1")
                .then().statusCode(400)
                .body("message", matchesPattern("unknown parameter 'patern_key' for GET /main/with-camera; known: "
                        + "\\[acquisition_mode, .*, pattern_key, .*, roi_top, rotation_angle, rotation_expand, "
                        + "score_threshold, serial_number, strict, subnet_mask, timeout_ms, transmission_type\\] "
                        + "\\(backend.inspection.unknown-parameters=ignore leaves such names out\\)"));
        given().multiPart("image", SampleData.image("chelsea.png").toFile(), "image/png")
                .multiPart("min_scor", "0.9")
                .when().post("/main?return_options=1")
                .then().statusCode(400)
                .body("message", containsString("unknown parameter 'min_scor' for POST /main; known: [iou_threshold, "
                        + "max_detections, min_score, model, pattern_key, return_options, score_threshold, strict]"));
        given().multiPart("image", SampleData.image("chelsea.png").toFile(), "image/png")
                .when().get("/main?rotation_angle=90&quality=80")
                .then().statusCode(400)
                // in the order of the query map, which JAX-RS does not keep as sent
                .body("message", startsWith("unknown parameters '"))
                .body("message", containsString("'rotation_angle'"))
                .body("message", containsString("'quality'"))
                .body("message", containsString("' for GET /main;"));
        given().when().get("/inspections?since=yesterday&limit=1")
                .then().statusCode(400)
                .body("message", containsString("unknown parameter 'since' for GET /inspections; known: "
                        + "[decision, limit, offset]"));
        int after = given().when().get("/inspections?limit=1").then().statusCode(200).extract().path("total");
        assertThat(after).isEqualTo(before);
    }
}
