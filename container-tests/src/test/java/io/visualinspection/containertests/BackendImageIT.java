package io.visualinspection.containertests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.testing.SampleData;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startables;

/**
 * The backend image with the sample pattern mounted, beside the camera and inference images on one network
 * (the backend is ready only when both answer), reaching them by name as in the compose file.
 */
@Order(3)
class BackendImageIT {

    static Network network;
    static ServiceContainer camera;
    static ServiceContainer inference;
    static ServiceContainer backend;

    @BeforeAll
    static void start() {
        ContainerEnvironment.requireEngine();
        network = Network.builder()
                .createNetworkCmdModifier(cmd -> cmd.withName("vi-test-" + UUID.randomUUID().toString().substring(0, 8))
                        .withLabels(Map.of(ContainerEnvironment.LABEL, "true")))
                .build();
        camera = new ServiceContainer("camera", 5050).withNetwork(network).withNetworkAliases("camera")
                .withReadOnlyFolder(SampleData.images(), "/data/images");
        inference = new ServiceContainer("inference", 5052).withNetwork(network).withNetworkAliases("inference")
                .withReadOnlyFolder(SampleData.models(), "/data/models");
        Startables.deepStart(camera, inference).join();
        backend = new ServiceContainer("backend", 5051).withNetwork(network)
                .withEnv("BACKEND_CAMERA_URL", "http://camera:5050")
                .withEnv("BACKEND_INFERENCE_URL", "http://inference:5052")
                .withReadOnlyFolder(SampleData.patterns(), "/data/patterns");
        backend.start();
    }

    @AfterAll
    static void stop() {
        for (ServiceContainer c : new ServiceContainer[] {backend, camera, inference}) {
            if (c != null) {
                c.stop();
            }
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void startsHealthyAsAnUnprivilegedUser() throws Exception {
        backend.assertHealthy();
        backend.assertRunsUnprivileged();
    }

    @Test
    void inspectsUploadedImagesAgainstTheMountedPattern() {
        assertThat(inspect("chelsea.png")).as("the cat, centred").isTrue();
        assertThat(inspect("coffee.png")).as("a cup where the cat should be").isFalse();
    }

    @Test
    void inspectsWithTheCameraOverTheNetwork() {
        // The camera's first frame: astronaut.png, no cat.
        Boolean decision = given().baseUri(backend.url()).queryParam("return_options", 1)
                .when().get("/main/with-camera")
                .then().statusCode(200).extract().jsonPath().get("decision");
        assertThat(decision).isFalse();
    }

    @Test
    void theServiceUserCanWriteTheArchiveVolume() throws Exception {
        String probe = "touch \"$BACKEND_ARCHIVE_DIR/.probe\" && rm \"$BACKEND_ARCHIVE_DIR/.probe\"";
        assertThat(backend.execInContainer("sh", "-c", probe).getExitCode()).isZero();
    }

    private static boolean inspect(String image) {
        return given().baseUri(backend.url()).queryParam("return_options", 1)
                .multiPart("image", SampleData.image(image).toFile(), "image/png")
                .when().post("/main")
                .then().statusCode(200).extract().jsonPath().getBoolean("decision");
    }
}
