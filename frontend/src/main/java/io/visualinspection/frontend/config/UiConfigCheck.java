package io.visualinspection.frontend.config;

import io.quarkus.runtime.Startup;
import io.visualinspection.frontend.service.InspectionSettings;
import io.visualinspection.service.SettingsCheck;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fails the start when a default of the settings drawer is one the camera or the backend would refuse: every
 * operator's every trigger would otherwise be refused, only once the line runs.
 */
@ApplicationScoped
@Startup(1)
public class UiConfigCheck {

    UiConfigCheck(UiConfig config) {
        SettingsCheck check = new SettingsCheck("operator UI");
        InspectionSettings.from(config.inspection()).problems()
                .forEach(problem -> check.problem("ui.inspection: " + problem));
        check.throwIfAny();
    }
}
