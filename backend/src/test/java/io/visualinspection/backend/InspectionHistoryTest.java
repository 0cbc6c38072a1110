package io.visualinspection.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.visualinspection.model.InspectionRecord;
import io.visualinspection.model.Json;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.testing.SampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** History, images and overrules of inspections, and their archive on disk (test archive: target/test-archive). */
@QuarkusTest
@WithTestResource(RealUpstreams.class)
class InspectionHistoryTest {

    static final Path ARCHIVE = Path.of("target/test-archive");

    static String inspect(String image) {
        return given().multiPart("image", SampleData.image(image).toFile(), "image/png")
                .when().post("/main?return_options=1")
                .then().statusCode(200).extract().path("inspection_id");
    }

    static Path archived(String id, String suffix) {
        return ARCHIVE.resolve(id.substring(0, 4) + "-" + id.substring(4, 6) + "-" + id.substring(6, 8))
                .resolve(id + suffix);
    }

    static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            Thread.sleep(50);
        }
        assertThat(file).exists();
    }

    @Test
    void recentInspectionsAreListedNewestFirstAndFilteredByDecision() {
        String ok = inspect("chelsea.png");
        String nok = inspect("coffee.png");
        JsonPath page = given().when().get("/inspections?limit=2").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.result.inspection_id")).containsExactly(nok, ok);
        assertThat(page.getInt("total")).isGreaterThanOrEqualTo(2);
        List<Boolean> failed = given().when().get("/inspections?decision=nok&limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items.result.decision", Boolean.class);
        assertThat(failed).isNotEmpty().containsOnly(false);
        given().when().get("/inspections/" + ok).then().statusCode(200)
                .body("result.decision", equalTo(true))
                .body("result.pattern_key", equalTo("demo-cat"))
                .body("source", equalTo("upload"))
                .body("parameters.min_score", equalTo("0.5"));
    }

    @Test
    void everyInspectionIsArchivedWithBothImagesAndItsRecord() throws Exception {
        String id = inspect("coffee.png");
        awaitFile(archived(id, ".json"));
        assertThat(Files.readAllBytes(archived(id, ".png"))).isEqualTo(Files.readAllBytes(SampleData.image("coffee.png")));
        assertThat(ImageCodec.decode(Files.readAllBytes(archived(id, "_drawn.jpg"))).getWidth()).isEqualTo(600);
        InspectionRecord record = Json.mapper().readValue(archived(id, ".json").toFile(), InspectionRecord.class);
        assertThat(record.result().decision()).isFalse();
        assertThat(record.result().results().classNames()).contains("cup");
        assertThat(record.result().images()).as("no image data in the record").isNull();
        assertThat(record.imageFile()).isEqualTo(id + ".png");
        byte[] image = given().when().get("/inspections/" + id + "/image").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(image).isEqualTo(Files.readAllBytes(SampleData.image("coffee.png")));
        byte[] drawn = given().when().get("/inspections/" + id + "/image-drawn").then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertThat(ImageCodec.decode(drawn).getHeight()).isEqualTo(400);
    }

    @Test
    void concurrentInspectionsNeverShareANameAndEachHasItsRecord() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<String>> calls = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> inspect("chelsea.png"), pool)).toList();
            Set<String> ids = new HashSet<>();
            for (CompletableFuture<String> c : calls) {
                ids.add(c.get());
            }
            assertThat(ids).hasSize(6);
            for (String id : ids) {
                awaitFile(archived(id, ".json"));
                assertThat(archived(id, ".png")).exists();
                assertThat(archived(id, "_drawn.jpg")).exists();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOperatorCanOverruleTheDecisionAndItIsRecorded() throws Exception {
        String id = inspect("coffee.png");
        given().contentType("application/json").body("{\"verdict\": true, \"operator\": \"anna\", \"comment\": \"cup ok\"}")
                .when().post("/inspections/" + id + "/overrule")
                .then().statusCode(200)
                .body("overrule.verdict", equalTo(true))
                .body("overrule.operator", equalTo("anna"))
                .body("result.decision", equalTo(false));
        List<String> okIds = given().when().get("/inspections?decision=ok&limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items.result.inspection_id", String.class);
        assertThat(okIds).contains(id);
        awaitFile(archived(id, ".json"));
        for (int i = 0; i < 100; i++) {
            InspectionRecord r = Json.mapper().readValue(archived(id, ".json").toFile(), InspectionRecord.class);
            if (r.overrule() != null) {
                assertThat(r.overrule().comment()).isEqualTo("cup ok");
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the archived record was not updated with the overrule");
    }

    @Test
    void anOverruleThatCannotBeRecordedAsSentIsRefusedAndTheRecordKeptAsItWas() {
        String id = inspect("coffee.png");
        String url = "/inspections/" + id + "/overrule";
        refusedOverrule(url, "{\"verdict\": 1, \"operator\": \"anna\"}",
                "verdict must be true (the part is OK) or false (NOK), got 1");
        refusedOverrule(url, "{\"verdict\": \"true\"}", "got \"true\"");
        refusedOverrule(url, "{\"verdct\": true, \"operator\": \"anna\"}",
                "unknown parameter 'verdct' for the body of POST /inspections/{id}/overrule; known: [comment, "
                        + "operator, verdict]");
        refusedOverrule(url, "{\"verdict\": true, \"operator\": \"" + "a".repeat(101) + "\"}",
                "operator is 101 characters long, at most 100");
        refusedOverrule(url, "{\"verdict\": true, \"comment\": \"" + "c".repeat(1001) + "\"}",
                "comment is 1001 characters long, at most 1000");
        refusedOverrule(url, "{\"verdict\": true, \"operator\": \"an\\nna\"}",
                "operator must be text without control characters or line breaks, got U+000A at character 3");
        refusedOverrule(url, "{\"verdict\": true, \"comment\": \"a\\u0000b\"}",
                "comment must be text without control characters (line breaks and tabs are fine), got U+0000");
        given().when().get("/inspections/" + id).then().statusCode(200).body("overrule", nullValue());

        given().contentType("application/json")
                .body("{\"verdict\": false, \"operator\": \" anna \", \"comment\": \"scratch\\non the lid\"}")
                .when().post(url).then().statusCode(200)
                .body("overrule.operator", equalTo("anna"))
                .body("overrule.comment", equalTo("scratch\non the lid"));
    }

    private static void refusedOverrule(String url, String body, String message) {
        given().contentType("application/json").body(body).when().post(url).then().statusCode(400)
                .body("message", containsString(message));
    }

    @Test
    void badIdsAndParametersAre4xx() {
        given().when().get("/inspections/..%2F..%2Fetc%2Fpasswd").then().statusCode(400)
                .body("message", containsString("is not an inspection id"));
        given().when().get("/inspections/20000101T000000000Z-00000000").then().statusCode(404)
                .body("message", containsString("no inspection 20000101T000000000Z-00000000"));
        given().when().get("/inspections?decision=maybe").then().statusCode(400)
                .body("message", containsString("decision must be one of ok, nok, none, all"));
        given().when().get("/inspections?limit=0").then().statusCode(400)
                .body("message", containsString("limit must be a whole number in 1..500"));
        given().contentType("application/json").body("{}")
                .when().post("/inspections/20000101T000000000Z-00000000/overrule").then().statusCode(400)
                .body("message", containsString("verdict"));
    }

    @Test
    void savedImagesAreCounted() {
        inspect("chelsea.png");
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("archive_saved_total [1-9]");
    }
}
