package io.visualinspection.frontend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** What the operator UI shows about the line it serves. */
@ConfigMapping(prefix = "ui")
public interface UiConfig {

    /** Shown in the header and the browser tab. */
    @WithDefault("Visual inspection")
    String title();

    /** The line or station this UI belongs to, shown beside the title. */
    @WithDefault("Line 1")
    String line();

    /** A footer text (e.g. plant, contact); none by default. */
    Optional<String> footer();
}
