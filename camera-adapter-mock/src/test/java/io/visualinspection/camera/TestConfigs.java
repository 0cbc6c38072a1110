package io.visualinspection.camera;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.PathConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.visualinspection.camera.config.CameraConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The camera configuration as the emulator would read it from these properties, without starting it. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static CameraConfig cameraConfig(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(CameraConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(Path.class, 200, new PathConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(CameraConfig.class);
    }
}
