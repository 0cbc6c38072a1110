package io.visualinspection.camera.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visualinspection.camera.TestConfigs;
import jakarta.ws.rs.NotFoundException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the configuration becomes cameras: the single-camera properties, several cameras, and what is refused. */
class CameraRegistryTest {

    static CameraRegistry registry(String... keyValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return new CameraRegistry(TestConfigs.cameraConfig(properties));
    }

    @Test
    void onlyAnImagesDirGivesTheSingleCameraWithItsDefaults() {
        CameraRegistry registry = registry("camera.images-dir", "frames");
        assertThat(registry.all()).hasSize(1);
        VirtualCamera camera = registry.defaultCamera();
        assertThat(camera.id()).isEqualTo("default");
        assertThat(camera.serialNumber()).isEqualTo("EMU-0001");
        assertThat(camera.ip()).isEqualTo("127.0.0.1");
        assertThat(camera.adapterInfo()).containsEntry("Name", "Emulated Basler camera")
                .containsEntry("MAC", "00:00:00:00:00:01");
        assertThat(camera.frames()).isInstanceOf(FolderFrameSource.class);
        assertThat(camera.faults().settings()).isEqualTo(FaultSettings.NONE);
        assertThat(registry.select(null, null)).isSameAs(camera);
        assertThat(registry.select("EMU-0001", "127.0.0.1")).isSameAs(camera);
    }

    @Test
    void theSingleCameraTakesItsOwnPropertiesAndFaults() {
        CameraRegistry registry = registry("camera.images-dir", "frames", "camera.image-file", "card.png",
                "camera.serial-number", "40012345", "camera.ip", "192.168.3.20", "camera.faults.latency-ms", "40",
                "camera.faults.disconnected", "true");
        VirtualCamera camera = registry.defaultCamera();
        assertThat(camera.serialNumber()).isEqualTo("40012345");
        assertThat(camera.frames()).as("a fixed file wins over a folder").isInstanceOf(FileFrameSource.class);
        assertThat(camera.faults().settings()).isEqualTo(new FaultSettings(40, 0, 0, false, false, true));
    }

    @Test
    void severalCamerasReplaceTheSingleOneAndOverrideFaultsFieldByField() {
        CameraRegistry registry = registry("camera.images-dir", "frames",
                "camera.cameras.b.ip", "127.0.1.2", "camera.cameras.b.images-dir", "b", "camera.cameras.b.order",
                "random", "camera.cameras.b.faults.latency-ms", "100",
                "camera.cameras.a.ip", "127.0.1.1", "camera.cameras.a.serial-number", "S-A",
                "camera.cameras.a.image-file", "a.jpg",
                "camera.faults.latency-ms", "20", "camera.faults.jitter-ms", "5");
        assertThat(registry.all()).extracting(VirtualCamera::id).containsExactly("a", "b");
        VirtualCamera a = registry.find("S-A").orElseThrow();
        VirtualCamera b = registry.find("b").orElseThrow();
        assertThat(registry.defaultCamera()).as("the first id").isSameAs(a);
        assertThat(b.serialNumber()).as("the id when no serial number is given").isEqualTo("b");
        assertThat(b.name()).isEqualTo("Emulated Basler camera b");
        assertThat(b.mac()).isEqualTo("00:00:00:00:00:02");
        assertThat(b.frames().describe()).endsWith("b (random)");
        assertThat(a.faults().settings()).isEqualTo(new FaultSettings(20, 5, 0, false, false, false));
        assertThat(b.faults().settings()).isEqualTo(new FaultSettings(100, 5, 0, false, false, false));
        assertThat(registry.select(null, "127.0.1.2")).isSameAs(b);
        assertThatThrownBy(() -> registry.select("S-A", "127.0.1.2")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("known: S-A (127.0.1.1), b (127.0.1.2)");
    }

    @Test
    void aWrongSetupFailsAtStartNamingTheProperty() {
        assertThatThrownBy(() -> registry("camera.cameras.a.ip", "127.0.1.1"))
                .hasMessageContaining("camera.cameras.a.images-dir or camera.cameras.a.image-file must be set");
        assertThatThrownBy(() -> registry(
                "camera.cameras.a.ip", "127.0.1.1", "camera.cameras.a.images-dir", "x",
                "camera.cameras.b.ip", "127.0.1.1", "camera.cameras.b.images-dir", "x",
                "camera.cameras.b.serial-number", "a",
                "camera.cameras.c.ip", "10.0.0", "camera.cameras.c.image-file", "c.gif",
                "camera.cameras.c.faults.failure-rate", "2"))
                .hasMessageContaining("two cameras have the serial number a")
                .hasMessageContaining("two cameras have the IP address 127.0.1.1")
                .hasMessageContaining("camera.cameras.c.ip must be an IPv4 address, got '10.0.0'")
                .hasMessageContaining("camera.cameras.c.image-file must be a .jpg, .jpeg, .png, .bmp file")
                .hasMessageContaining("camera.cameras.c.faults: failure_rate must be in 0..1, got 2.0");
        assertThatThrownBy(() -> registry("camera.images-dir", "x", "camera.defaults.format", "gif",
                "camera.defaults.quality", "0"))
                .hasMessageContaining("camera.defaults.format must be one of [bmp, jpeg, png, webp], got 'gif'")
                .hasMessageContaining("camera.defaults.quality must be in 10..100, got 0");
        assertThatThrownBy(() -> registry("camera.images-dir", "x", "camera.default-camera", "line-9"))
                .hasMessageContaining("camera.default-camera 'line-9' is not one of the configured cameras [default]");
    }
}
