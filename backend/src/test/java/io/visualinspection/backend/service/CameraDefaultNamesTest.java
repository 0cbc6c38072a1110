package io.visualinspection.backend.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.visualinspection.backend.config.BackendConfig;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line's camera defaults are read by their query names, and a name that is none fails the start. */
class CameraDefaultNamesTest {

    private static InspectionService withDefaults(Map<String, String> defaults) {
        BackendConfig.Camera camera = (BackendConfig.Camera) Proxy.newProxyInstance(
                CameraDefaultNamesTest.class.getClassLoader(), new Class<?>[] {BackendConfig.Camera.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("defaults")) {
                        return defaults;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        BackendConfig config = (BackendConfig) Proxy.newProxyInstance(CameraDefaultNamesTest.class.getClassLoader(),
                new Class<?>[] {BackendConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("camera")) {
                        return camera;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new InspectionService(null, null, null, null, null, config, new SimpleMeterRegistry());
    }

    @Test
    void cameraAndImageParametersAreTaken() {
        assertThatCode(() -> withDefaults(Map.of("serial_number", "40012345", "exposure_time_microseconds", "12000",
                "format", "jpeg", "rotation_angle", "90"))).doesNotThrowAnyException();
    }

    @Test
    void aMisspeltDefaultFailsTheStartNamingIt() {
        assertThatThrownBy(() -> withDefaults(Map.of("format", "jpeg", "exposure_time_microsecond", "12000")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("unknown parameter 'exposure_time_microsecond' for backend.camera.defaults "
                        + "(camera and image parameters by their query names); known: [acquisition_mode, ")
                .hasMessageContaining("exposure_time_microseconds");
    }
}
