package io.visualinspection.camera.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated cameras: where their images come from, what they report about themselves, which faults they
 * show. Either one camera from the top-level properties ({@code camera.images-dir}, {@code camera.serial-number},
 * ...) or, when {@code camera.cameras} is set, several cameras by id ({@code camera.cameras."line-a".ip}); then the
 * top-level camera properties are ignored.
 */
@ConfigMapping(prefix = "camera")
public interface CameraConfig {

    /** Folder of images (jpg, jpeg, png, bmp) served as the single camera's frames. */
    Optional<Path> imagesDir();

    /** One image served as every frame of the single camera; wins over {@code images-dir}. */
    Optional<Path> imageFile();

    @WithDefault("sequential")
    Order order();

    @WithDefault("Emulated Basler camera")
    String name();

    @WithDefault("EMU-0001")
    String serialNumber();

    @WithDefault("127.0.0.1")
    String ip();

    @WithDefault("00:00:00:00:00:01")
    String mac();

    /** Several cameras by id; a line usually has more than one. Empty: the single camera above. */
    Map<String, Camera> cameras();

    /** The id of the camera that answers requests naming no serial_number or ip_address; default: the first id. */
    Optional<String> defaultCamera();

    /** Parameters applied when a request does not say otherwise. */
    Defaults defaults();

    /** Faults every camera shows from the start; a camera's own {@code faults} override them one by one. */
    Faults faults();

    /** Seeds the randomness of frame order, jitter, failures and corrupted bytes, so that runs repeat. */
    Optional<Long> randomSeed();

    /** How long a hung request waits at most when no one resets the fault. */
    @WithDefault("10m")
    Duration hangLimit();

    Admin admin();

    /** In which order a folder's images are served. */
    enum Order {
        /** The folder's images in name order, round and round. */
        SEQUENTIAL,
        RANDOM
    }

    interface Camera {

        /** Default: "Emulated Basler camera" and the id. */
        Optional<String> name();

        /** Default: the id. */
        Optional<String> serialNumber();

        String ip();

        /** Default: 00:00:00:00:00:NN, NN the camera's position among the ids. */
        Optional<String> mac();

        Optional<Path> imagesDir();

        /** One image served as every frame; wins over {@code images-dir}. */
        Optional<Path> imageFile();

        @WithDefault("sequential")
        Order order();

        Faults faults();
    }

    interface Defaults {
        @WithDefault("jpeg")
        String format();

        @WithDefault("95")
        int quality();

        Optional<Integer> exposureTimeMicroseconds();
    }

    /** Fault settings by their admin API names; each one not set is off (or taken from {@code camera.faults}). */
    interface Faults {
        Optional<Long> latencyMs();

        Optional<Long> jitterMs();

        Optional<Double> failureRate();

        Optional<Boolean> hang();

        Optional<Boolean> corruptImage();

        Optional<Boolean> disconnected();
    }

    /** The run-time fault API under {@code /admin}; never exposed to operators. */
    interface Admin {
        @WithDefault("true")
        boolean enabled();
    }
}
