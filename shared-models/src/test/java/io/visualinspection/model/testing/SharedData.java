package io.visualinspection.model.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The seed photos, reference detections and sample models kept beside the checkout in {@code ../shared}.
 * CI always has them; a developer's clone may not. A test that needs them is skipped with a printed
 * reason where they are missing, and fails instead when {@code CI=true}.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder: system property {@code shared.dir} (set by the build), else {@code ../shared}. */
    public static Path dir() {
        String configured = System.getProperty("shared.dir");
        return Path.of(configured != null ? configured : "../../shared").toAbsolutePath().normalize();
    }

    /** A file or folder below the shared folder, or the test is skipped (failed on CI) with the reason. */
    public static Path require(String relative) {
        Path path = dir().resolve(relative);
        if (!Files.exists(path)) {
            String reason = "shared test data " + path + " not found (CI has ../shared beside the checkout)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + "; CI=true, so this is a failure");
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        return path;
    }
}
