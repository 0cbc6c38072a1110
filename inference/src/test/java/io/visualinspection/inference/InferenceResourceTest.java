package io.visualinspection.inference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The service's contract at its edges: listing, parameters, and what it answers to bad input. */
@QuarkusTest
class InferenceResourceTest {

    @TestHTTPResource("/")
    URL root;

    static final Path CAT = Path.of("../samples/images/chelsea.png");

    @Test
    void detectsTheCatInTheSamplePhoto() {
        given().multiPart("image", CAT.toFile(), "image/png")
                .when().post("/inference")
                .then().statusCode(200)
                .body("class_names", hasItem("cat"))
                .body("image_width", equalTo(451))
                .body("image_height", equalTo(300));
    }

    @Test
    void anAcceptHeaderWithoutJsonStillGetsTheJsonAnswer() {
        given().accept("text/plain").contentType("image/png").body(CAT.toFile())
                .when().post("/inference")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("class_names", hasItem("cat"));
    }

    @Test
    void detectionScoresFillTheirPercentBucketsAndErrorCountersStartAtZero() {
        given().multiPart("image", CAT.toFile(), "image/png").when().post("/inference").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        double below50 = value(metrics, "inference_detection_score_percent_bucket{class=\"cat\",model=\"yolov5s-coco\",le=\"50.0\"}");
        double below75 = value(metrics, "inference_detection_score_percent_bucket{class=\"cat\",model=\"yolov5s-coco\",le=\"75.0\"}");
        assertThat(below75).as("the cat scores 0.57").isGreaterThan(below50);
        assertThat(metrics).contains("inference_errors_total{kind=\"engine\"} 0.0");
    }

    static double value(String metrics, String series) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError(series + " not in metrics");
    }

    @Test
    void theImageCanBeTheRequestBodyWithParametersInTheQuery() throws Exception {
        byte[] png = Files.readAllBytes(CAT);
        given().contentType("image/png").body(png)
                .when().post("/inference")
                .then().statusCode(200).body("class_names", hasItem("cat")).body("image_width", equalTo(451));
        given().contentType("application/octet-stream").body(png)
                .when().post("/models/yolov5s-coco/detect?score_threshold=0.9")
                .then().statusCode(200).body("bboxes", hasSize(0));
        given().contentType("image/png").body(png)
                .when().post("/inference?iou_threshold=7")
                .then().statusCode(400).body("message", equalTo("iou_threshold must be in 0..1, got 7"));
    }

    @Test
    void aMultipartRequestTakesQueryParametersTooButNotTwoValuesForOneName() {
        given().multiPart("image", CAT.toFile(), "image/png")
                .when().post("/inference?score_threshold=0.9")
                .then().statusCode(200).body("bboxes", hasSize(0));
        given().multiPart("image", CAT.toFile(), "image/png").multiPart("score_threshold", "0.25")
                .when().post("/models/yolov5s-coco/detect")
                .then().statusCode(200).body("class_names", hasItem("cat"));
        given().multiPart("image", CAT.toFile(), "image/png").multiPart("score_threshold", "0.25")
                .when().post("/models/yolov5s-coco/detect?score_threshold=0.9")
                .then().statusCode(400).body("message", equalTo("score_threshold is given both in the query ('0.9') "
                        + "and as a form field ('0.25'); give it once"));
        given().contentType("image/png").body(CAT.toFile())
                .when().post("/inference?score_threshold=0.9&score_threshold=0.1")
                .then().statusCode(400).body("message", equalTo("score_threshold is given 2 times with different "
                        + "values ('0.9', '0.1'); give it once"));
        given().multiPart("image", CAT.toFile(), "image/png")
                .when().post("/inference?max_detections=0")
                .then().statusCode(400).body("message", equalTo("max_detections must be in 1..1000, got 0"));
    }

    @Test
    void listsTheModelsWithTheirAdjustableParameters() {
        given().when().get("/models")
                .then().statusCode(200)
                .body("name", hasItem("yolov5s-coco"))
                .body("find { it.name == 'yolov5s-coco' }.default", equalTo(true))
                .body("find { it.name == 'yolov5s-coco' }.output_format", equalTo("yolov5"))
                .body("find { it.name == 'yolov5s-coco' }.input_width", equalTo(640))
                .body("find { it.name == 'yolov5s-coco' }.class_names", hasSize(80))
                .body("find { it.name == 'yolov5s-coco' }.parameters.find { it.name == 'score_threshold' }.max",
                        equalTo(1.0f));
    }

    @Test
    void aNamedModelTakesParametersWithinTheirRange() {
        given().multiPart("image", CAT.toFile(), "image/png").multiPart("max_detections", "1")
                .when().post("/models/yolov5s-coco/detect")
                .then().statusCode(200)
                .body("bboxes", hasSize(1));
        given().multiPart("image", CAT.toFile(), "image/png").multiPart("score_threshold", "1.5")
                .when().post("/models/yolov5s-coco/detect")
                .then().statusCode(400)
                .body("message", equalTo("score_threshold must be in 0..1, got 1.5"));
        given().multiPart("image", CAT.toFile(), "image/png").multiPart("colour", "red")
                .when().post("/models/yolov5s-coco/detect")
                .then().statusCode(400)
                .body("message", containsString("unknown parameter 'colour'"));
    }

    @Test
    void anUnknownModelIs404NamingTheKnownOnes() {
        given().multiPart("image", CAT.toFile(), "image/png")
                .when().post("/models/nope/detect")
                .then().statusCode(404)
                .body("message", containsString("no model named 'nope'"))
                .body("message", containsString("yolov5s-coco"));
    }

    @Test
    void badUploadsAre4xxWithAMessage() {
        given().multiPart("file", CAT.toFile(), "image/png")
                .when().post("/inference")
                .then().statusCode(400).body("message", containsString("'image' is missing"));
        given().multiPart("image", "photo.jpg", "definitely not a jpeg".getBytes(), "image/jpeg")
                .when().post("/inference")
                .then().statusCode(400).body("message", containsString("not an image"));
        given().multiPart("image", "empty.jpg", new byte[0], "image/jpeg")
                .when().post("/inference")
                .then().statusCode(400);
        given().multiPart("image", "bomb.png", pngDeclaring(50_000, 50_000), "image/png")
                .when().post("/inference")
                .then().statusCode(413).body("message", containsString("50000x50000"));
        given().contentType("application/json").body("{}")
                .when().post("/inference")
                .then().statusCode(415).body("message", startsWith(
                        "POST /inference does not take a body of Content-Type 'application/json';"));
    }

    /** Refused before it is read, with the size and the limit (Quarkus's own answer has no body). */
    @Test
    void aBodyOverTheLimitIs413SayingTheLimit() {
        given().contentType("image/jpeg").body(new byte[20 * 1024 * 1024 + 1])
                .when().post("/inference")
                .then().statusCode(413).contentType("application/json")
                .body("message", equalTo("the request body is 20971521 bytes, over the limit of 20971520 bytes "
                        + "(quarkus.http.limits.max-body-size)"));
        given().contentType("image/jpeg").body(new byte[20 * 1024 * 1024])
                .when().post("/inference")
                .then().statusCode(400);
    }

    /**
     * A body of unknown length (chunked transfer encoding) is read whole before the detection, and refused with
     * the same message once it passes the limit (Quarkus checks only a declared length).
     */
    @Test
    void aBodySentInChunksIsDetectedAndOneOverTheLimitIs413SayingTheLimit() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] png = Files.readAllBytes(CAT);
        HttpResponse<String> cat = client.send(chunked(png), HttpResponse.BodyHandlers.ofString());
        assertThat(cat.statusCode()).isEqualTo(200);
        assertThat(cat.body()).contains("\"cat\"").contains("\"image_width\":451");
        HttpResponse<String> tooLarge = client.send(chunked(new byte[20 * 1024 * 1024 + 100_000]),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("sent in chunks")
                .contains("over the limit of 20971520 bytes (quarkus.http.limits.max-body-size)");
    }

    /**
     * A client that speaks HTTP/2 over plain HTTP (the JDK's HttpClient by default: it upgrades the connection on its
     * first request) is served like one on HTTP/1.1, the image as the body with its length declared and without, and
     * told the same when its body is over the limit.
     */
    @Test
    void aClientOnHttp2IsServedTheSame() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> live = client.send(HttpRequest.newBuilder(URI.create(root + "q/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);
        byte[] png = Files.readAllBytes(CAT);
        HttpResponse<String> cat = client.send(whole(png), HttpResponse.BodyHandlers.ofString());
        assertThat(cat.version()).as("upgraded on the first request").isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(cat.statusCode()).as(cat.body()).isEqualTo(200);
        assertThat(cat.body()).contains("\"cat\"").contains("\"image_width\":451");
        HttpResponse<String> chunkedCat = client.send(chunked(png), HttpResponse.BodyHandlers.ofString());
        assertThat(chunkedCat.statusCode()).as(chunkedCat.body()).isEqualTo(200);
        assertThat(chunkedCat.body()).contains("\"cat\"");
        HttpResponse<String> tooLarge = client.send(whole(new byte[20 * 1024 * 1024 + 1]),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("the request body is 20971521 bytes, over the limit of 20971520 bytes");
    }

    private HttpRequest whole(byte[] body) {
        return HttpRequest.newBuilder(URI.create(root + "inference")).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpRequest chunked(byte[] body) {
        return HttpRequest.newBuilder(URI.create(root + "inference")).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
    }

    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes()).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
