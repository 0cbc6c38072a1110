package io.visualinspection.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The line's camera settings (backend.camera.defaults.*) reach the real camera emulator with every photo,
 * and a request's own values win over them. The emulator serves the 451 x 300 cat photo.
 */
@QuarkusTest
@TestProfile(CameraDefaultsTest.TurnedCamera.class)
@WithTestResource(RealUpstreams.class)
class CameraDefaultsTest {

    public static class TurnedCamera implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backend.camera.defaults.rotation_angle", "90",
                    "backend.camera.defaults.rotation_expand", "true",
                    "backend.camera.defaults.format", "png");
        }
    }

    private static JsonPath inspect(String query) {
        return given().when().get("/main/with-camera?return_options=5" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static byte[] image(JsonPath json) {
        return Base64.getDecoder().decode(json.getString("images.img"));
    }

    @Test
    void theDefaultsApplyWhenTheRequestSaysNothing() {
        JsonPath json = inspect("");
        assertThat(json.getInt("image_width")).isEqualTo(300);
        assertThat(json.getInt("image_height")).isEqualTo(451);
        assertThat(image(json)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void theRequestWinsOverTheDefaults() {
        JsonPath json = inspect("&rotation_angle=0&format=jpeg");
        assertThat(json.getInt("image_width")).isEqualTo(451);
        assertThat(json.getInt("image_height")).isEqualTo(300);
        assertThat(image(json)).startsWith(0xFF, 0xD8);
    }
}
