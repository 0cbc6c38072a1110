package io.visualinspection.backend.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.backend.testing.ConfigProxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line's camera defaults are read by their query names, and a name that is none fails the start. */
class CameraDefaultNamesTest {

    private static InspectionService withDefaults(Map<String, String> defaults) {
        BackendConfig config = ConfigProxy.of(BackendConfig.class,
                Map.of("camera", ConfigProxy.of(BackendConfig.Camera.class, Map.of("defaults", defaults))));
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
