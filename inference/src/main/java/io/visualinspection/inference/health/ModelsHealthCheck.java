package io.visualinspection.inference.health;

import io.visualinspection.inference.engine.OnnxDetector;
import io.visualinspection.inference.service.ModelRegistry;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the default model is loaded and warmed; lists every loaded model with its version. */
@Readiness
public class ModelsHealthCheck implements HealthCheck {

    private final ModelRegistry models;

    ModelsHealthCheck(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("models")
                .status(models.defaultModel().isPresent())
                .withData("default", String.valueOf(models.defaultName()));
        for (OnnxDetector m : models.all()) {
            r.withData(m.manifest().name(), m.manifest().version() + " on " + m.manifest().executionProvider());
        }
        models.rejected().forEach((folder, reason) -> r.withData("rejected " + folder, reason));
        return r.build();
    }
}
