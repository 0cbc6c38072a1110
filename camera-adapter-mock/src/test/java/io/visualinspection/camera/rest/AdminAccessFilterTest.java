package io.visualinspection.camera.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.camera.TestConfigs;
import io.visualinspection.model.ErrorResponse;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code camera.admin.enabled=false} hides the admin API and nothing else. Tested on the filter itself: a second
 * emulator start only to flip one flag would double this module's test time.
 */
class AdminAccessFilterTest {

    static Optional<Response> filter(String enabled, Class<?> resourceClass) {
        AdminAccessFilter filter = new AdminAccessFilter(TestConfigs.cameraConfig(Map.of(
                "camera.images-dir", "frames", "camera.admin.enabled", enabled)));
        return filter.onlyWhenEnabled(new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return null;
            }

            @Override
            public Class<?> getResourceClass() {
                return resourceClass;
            }
        });
    }

    @Test
    void disabledAdminApiAnswers404AndLeavesTheCameraApiAlone() {
        Response refused = filter("false", FaultsAdminResource.class).orElseThrow();
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(((ErrorResponse) refused.getEntity()).message()).contains("camera.admin.enabled=false");
        assertThat(filter("false", BaslerResource.class)).isEmpty();
        assertThat(filter("false", CamerasResource.class)).isEmpty();
    }

    @Test
    void enabledAdminApiPasses() {
        assertThat(filter("true", FaultsAdminResource.class)).isEmpty();
    }
}
