package io.visualinspection.backend.config;

import io.quarkus.runtime.Startup;
import io.visualinspection.service.SettingsCheck;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fails the start when a setting is out of its range: a minimum score of 1.5 would fail every part, a timeout of
 * -5 ms would fail every inspection, each only once the line runs.
 */
@ApplicationScoped
@Startup(1) // before the beans that use the settings
public class BackendConfigCheck {

    BackendConfigCheck(BackendConfig config) {
        check(config).throwIfAny();
    }

    static SettingsCheck check(BackendConfig config) {
        return new SettingsCheck("backend")
                .atLeast("backend.camera.timeout-ms", config.camera().timeoutMs(), 1)
                .atLeast("backend.camera.connect-timeout-ms", config.camera().connectTimeoutMs(), 1)
                .atLeast("backend.inference.timeout-ms", config.inference().timeoutMs(), 1)
                .atLeast("backend.inference.connect-timeout-ms", config.inference().connectTimeoutMs(), 1)
                .within("backend.inspection.min-score", config.inspection().minScore(), 0, 1)
                .within("backend.inspection.drawn-jpeg-quality", config.inspection().drawnJpegQuality(), 1, 100)
                .atLeast("backend.archive.every-n", config.archive().everyN(), 1)
                .atLeast("backend.archive.queue-size", config.archive().queueSize(), 1)
                .atLeast("backend.history.size", config.history().size(), 1)
                .atLeast("backend.history.images-in-memory", config.history().imagesInMemory(), 0)
                .notNegative("backend.patterns.rescan-interval", config.patterns().rescanInterval());
    }
}
