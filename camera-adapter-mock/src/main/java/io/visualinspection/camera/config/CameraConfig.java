package io.visualinspection.camera.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** The emulated camera: where its images come from and what it reports about itself. */
@ConfigMapping(prefix = "camera")
public interface CameraConfig {

    /** Folder of images (jpg, jpeg, png, bmp) served as the camera's frames. */
    Path imagesDir();

    /** {@code sequential}: the folder's images in name order, round and round; {@code random}. */
    @WithDefault("sequential")
    String order();

    @WithDefault("Emulated Basler camera")
    String name();

    @WithDefault("EMU-0001")
    String serialNumber();

    @WithDefault("127.0.0.1")
    String ip();

    @WithDefault("00:00:00:00:00:01")
    String mac();

    /** Parameters applied when a request does not say otherwise. */
    Defaults defaults();

    interface Defaults {
        @WithDefault("jpeg")
        String format();

        @WithDefault("95")
        int quality();

        Optional<Integer> exposureTimeMicroseconds();
    }
}
