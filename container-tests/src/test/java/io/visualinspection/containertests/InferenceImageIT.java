package io.visualinspection.containertests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.path.json.JsonPath;
import io.visualinspection.model.testing.SampleData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;

/**
 * The inference image with the sample model mounted: ONNX Runtime's native library loads and detects, and the
 * service starts from what the image build prepared.
 */
@Order(2)
class InferenceImageIT {

    static ServiceContainer inference;

    @BeforeAll
    static void start() {
        ContainerEnvironment.requireEngine();
        inference = new ServiceContainer("inference", 5052)
                .withReadOnlyFolder(SampleData.models(), "/data/models");
        inference.start();
    }

    @AfterAll
    static void stop() {
        if (inference != null) {
            inference.stop();
        }
    }

    @Test
    void startsHealthyAsAnUnprivilegedUser() throws Exception {
        inference.assertHealthy();
        inference.assertRunsUnprivileged();
    }

    @Test
    void startsFromTheStartUpCacheMadeAtBuildWithTheKeptNativeLibraries() throws Exception {
        // What the service process (PID 1) has mapped: the AOT cache is mapped when the JVM uses it, and ONNX
        // Runtime's library is loaded from the image's folder, not from a fresh copy in a temporary folder.
        ExecResult maps = inference.execInContainer("cat", "/proc/1/maps");
        assertThat(maps.getExitCode()).isZero();
        assertThat(maps.getStdout()).contains("/deployments/app.aot")
                .contains("/deployments/native/").doesNotContain("/tmp/onnxruntime-java");
    }

    @Test
    void decodesJpegWithLibjpegTurboFromTheBaseImage() throws Exception {
        assertThat(inference.getLogs()).contains("JPEG codec: libjpeg-turbo");
        ExecResult maps = inference.execInContainer("cat", "/proc/1/maps");
        assertThat(maps.getStdout()).contains("libturbojpeg.so");
    }

    @Test
    void detectsTheCatWithTheMountedModel() {
        given().baseUri(inference.url()).when().get("/models")
                .then().statusCode(200).body("name", hasItem("yolov5s-coco"));
        JsonPath result = given().baseUri(inference.url())
                .multiPart("image", SampleData.image("chelsea.png").toFile(), "image/png")
                .when().post("/inference")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("class_ids", Integer.class)).contains(15);
        assertThat(result.getList("class_names", String.class)).contains("cat");
    }
}
