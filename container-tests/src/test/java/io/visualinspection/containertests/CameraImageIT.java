package io.visualinspection.containertests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.testing.SampleData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The camera emulator's image with the sample images mounted as its folder of frames. */
@Order(1)
class CameraImageIT {

    static ServiceContainer camera;

    @BeforeAll
    static void start() {
        ContainerEnvironment.requireEngine();
        camera = new ServiceContainer("camera", 5050)
                .withReadOnlyFolder(SampleData.images(), "/data/images");
        camera.start();
    }

    @AfterAll
    static void stop() {
        if (camera != null) {
            camera.stop();
        }
    }

    @Test
    void startsHealthyAsAnUnprivilegedUser() throws Exception {
        camera.assertHealthy();
        camera.assertRunsUnprivileged();
    }

    @Test
    void takesPhotosFromTheMountedFolder() throws Exception {
        byte[] photo = given().baseUri(camera.url()).queryParam("format", "jpeg")
                .when().get("/basler/take-photo")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
        // The folder's first image in name order: astronaut.png, 512 x 512.
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(512);
    }
}
