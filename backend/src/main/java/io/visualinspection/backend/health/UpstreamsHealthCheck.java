package io.visualinspection.backend.health;

import io.visualinspection.backend.client.CameraClient;
import io.visualinspection.backend.client.InferenceClient;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the camera adapter and the inference service answer. */
@Readiness
public class UpstreamsHealthCheck implements HealthCheck {

    private final CameraClient camera;
    private final InferenceClient inference;

    UpstreamsHealthCheck(CameraClient camera, InferenceClient inference) {
        this.camera = camera;
        this.inference = inference;
    }

    @Override
    public HealthCheckResponse call() {
        String cameraState = probe(() -> {
            camera.requireAnswering();
            return "up";
        });
        String inferenceState = probe(() -> {
            int status = inference.readiness();
            return status == 200 ? "up" : "not ready (HTTP " + status + ")";
        });
        return HealthCheckResponse.named("upstreams")
                .status("up".equals(cameraState) && "up".equals(inferenceState))
                .withData("camera", cameraState)
                .withData("inference", inferenceState)
                .build();
    }

    private static String probe(Supplier<String> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return "down: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
