package io.visualinspection.camera.health;

import io.visualinspection.camera.config.CameraConfig;
import io.visualinspection.camera.service.FrameSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the camera has at least one frame to deliver. */
@Readiness
public class FramesHealthCheck implements HealthCheck {

    private final FrameSource frames;
    private final CameraConfig config;

    FramesHealthCheck(FrameSource frames, CameraConfig config) {
        this.frames = frames;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        int count = frames.list().size();
        return HealthCheckResponse.named("camera " + config.serialNumber())
                .status(count > 0)
                .withData("images_dir", config.imagesDir().toAbsolutePath().toString())
                .withData("images", count)
                .build();
    }
}
