package io.visualinspection.inference.config;

import io.quarkus.runtime.Startup;
import io.visualinspection.service.SettingsCheck;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fails the start when a setting is out of its range: a limit of 0 pixels would refuse every image as the
 * caller's fault, 0 concurrent inferences or a queue of -1 would be bent into something else without a word.
 */
@ApplicationScoped
@Startup(1) // before the models are loaded with the settings
public class InferenceConfigCheck {

    InferenceConfigCheck(InferenceConfig config) {
        check(config).throwIfAny();
    }

    static SettingsCheck check(InferenceConfig config) {
        SettingsCheck check = new SettingsCheck("inference");
        config.intraOpThreads().ifPresent(n -> check.atLeast("inference.intra-op-threads", n, 1));
        return check.atLeast("inference.inter-op-threads", config.interOpThreads(), 1)
                .atLeast("inference.max-concurrent", config.maxConcurrent(), 1)
                .atLeast("inference.max-queue", config.maxQueue(), 0)
                .atLeast("inference.max-image-pixels", config.maxImagePixels(), 1)
                .notNegative("inference.reload-interval", config.reloadInterval());
    }
}
