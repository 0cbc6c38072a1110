package io.visualinspection.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsCheckTest {

    @Test
    void valuesInTheirRangesPass() {
        SettingsCheck check = new SettingsCheck("backend")
                .atLeast("a", 1, 1)
                .within("b", 100, 1, 100)
                .within("c", 0.0, 0, 1)
                .within("d", 1.0, 0, 1)
                .notNegative("e", Duration.ZERO);
        assertThat(check.problems()).isEmpty();
        assertThatCode(check::throwIfAny).doesNotThrowAnyException();
    }

    @Test
    void everySettingOutOfItsRangeIsNamedInOneFailure() {
        SettingsCheck check = new SettingsCheck("backend")
                .atLeast("backend.camera.timeout-ms", -5, 1)
                .within("backend.inspection.drawn-jpeg-quality", 0, 1, 100)
                .within("backend.inspection.min-score", 1.5, 0, 1)
                .within("backend.inspection.min-score", Double.NaN, 0, 1)
                .notNegative("backend.patterns.rescan-interval", Duration.ofMillis(-1500))
                .problem("two cameras have the IP address 10.0.0.1");
        assertThat(check.problems()).containsExactly(
                "backend.camera.timeout-ms must be at least 1, got -5",
                "backend.inspection.drawn-jpeg-quality must be in 1..100, got 0",
                "backend.inspection.min-score must be in 0..1, got 1.5",
                "backend.inspection.min-score must be in 0..1, got NaN",
                "backend.patterns.rescan-interval must not be negative, got -1.5s",
                "two cameras have the IP address 10.0.0.1");
        assertThatThrownBy(check::throwIfAny).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("invalid backend configuration: backend.camera.timeout-ms must be at least 1, "
                        + "got -5; backend.inspection.drawn-jpeg-quality");
    }
}
