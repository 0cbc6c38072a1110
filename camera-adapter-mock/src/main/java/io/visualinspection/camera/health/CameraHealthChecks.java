package io.visualinspection.camera.health;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.visualinspection.camera.service.CameraRegistry;
import io.visualinspection.camera.service.VirtualCamera;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per camera, named {@code camera <serial number>}: down when the camera has no frame to
 * deliver (a configuration fault), up otherwise. A disconnected camera stays up and says so in its data: the fault
 * is one the emulator shows on purpose, and a service that must be ready to be tested has to stay ready with it.
 */
@ApplicationScoped
public class CameraHealthChecks {

    void register(@Observes StartupEvent event, @Readiness HealthRegistry readiness, CameraRegistry cameras) {
        for (VirtualCamera camera : cameras.all()) {
            readiness.register("camera " + camera.serialNumber(), () -> check(camera));
        }
    }

    static HealthCheckResponse check(VirtualCamera camera) {
        int frames = camera.frames().count();
        var faults = camera.faults().settings();
        return HealthCheckResponse.named("camera " + camera.serialNumber())
                .status(frames > 0)
                .withData("id", camera.id())
                .withData("ip", camera.ip())
                .withData("source", camera.frames().describe())
                .withData("frames", frames)
                .withData("state", faults.disconnected() ? "disconnected" : frames > 0 ? "connected" : "no frames")
                .withData("faults", faults.describe())
                .withData("hung_requests", camera.faults().hungRequests())
                .build();
    }
}
