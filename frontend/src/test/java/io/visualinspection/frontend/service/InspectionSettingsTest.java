package io.visualinspection.frontend.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.visualinspection.frontend.config.UiConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a trigger sends: only what is set, by the SPEC's names, checked as the camera would. */
class InspectionSettingsTest {

    static UiConfig config(Map<String, String> props) {
        return new SmallRyeConfigBuilder().withMapping(UiConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(props, "test", 500)).build().getConfigMapping(UiConfig.class);
    }

    @Test
    void nothingSetSendsNothing() {
        InspectionSettings s = InspectionSettings.from(config(Map.of()).inspection());
        assertThat(s.toQuery()).isEmpty();
        assertThat(s.problems()).isEmpty();
        assertThat(s.summary()).isEqualTo("pattern default · min score default · default camera");
    }

    @Test
    void configuredDefaultsAreSentByTheirQueryNames() {
        InspectionSettings s = InspectionSettings.from(config(Map.of(
                "ui.inspection.serial-number", "40012345",
                "ui.inspection.format", "png",
                "ui.inspection.quality", "80",
                "ui.inspection.rotation-angle", "90",
                "ui.inspection.roi-left", "0.1",
                "ui.inspection.pattern-key", "demo-cat",
                "ui.inspection.min-score", "0.6",
                "ui.inspection.strict", "true",
                "ui.inspection.timeout-ms", "3000")).inspection());
        assertThat(s.toQuery()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "serial_number", "40012345", "timeout_ms", "3000", "format", "png", "quality", "80",
                "rotation_angle", "90.0", "roi_left", "0.1", "pattern_key", "demo-cat", "min_score", "0.6",
                "strict", "true"));
        assertThat(s.summary()).isEqualTo("pattern demo-cat · min score 0.60 · camera 40012345 · strict");
    }

    @Test
    void whatTheCameraWouldRefuseIsSaidFirst() {
        InspectionSettings s = new InspectionSettings();
        s.setQuality(5);
        s.setTimeoutMs(100);
        s.setMinScore(1.5);
        s.setFormat("gif");
        assertThat(s.problems()).containsExactlyInAnyOrder("quality must be in 10..100, got 5",
                "timeout_ms must be >= 200, got 100", "min_score must be in 0..1, got 1.5",
                "format must be one of [bmp, jpeg, png, webp], got 'gif'");
    }

    @Test
    void copiesAreIndependentAndBlankTextIsUnset() {
        InspectionSettings s = new InspectionSettings();
        s.setSerialNumber("  ");
        s.setIpAddress("192.168.10.21");
        s.getModelParameters().put("score_threshold", 0.4);
        InspectionSettings c = s.copy();
        c.getModelParameters().put("iou_threshold", 0.5);
        c.setIpAddress(null);
        assertThat(s.getSerialNumber()).isNull();
        assertThat(s.getIpAddress()).isEqualTo("192.168.10.21");
        assertThat(s.getModelParameters()).containsOnlyKeys("score_threshold");
        assertThat(s.summary()).endsWith("camera 192.168.10.21");
    }

    @Test
    void theSessionHoldsItsOwnCopyAndTheOperatorsName() {
        SessionSettings session = new SessionSettings(new InspectionSettings());
        InspectionSettings s = session.current();
        s.setPatternKey("lid");
        assertThat(session.current().getPatternKey()).as("not applied yet").isNull();
        session.apply(s);
        s.setPatternKey("other");
        assertThat(session.current().getPatternKey()).isEqualTo("lid");
        assertThat(session.defaults().getPatternKey()).isNull();
        session.rememberOperator("  Anna ");
        assertThat(session.operator()).isEqualTo("Anna");
    }
}
