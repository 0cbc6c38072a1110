package io.visualinspection.frontend.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import io.visualinspection.frontend.service.GatewayException;
import io.visualinspection.frontend.service.InspectionSettings;
import io.visualinspection.frontend.service.SessionSettings;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settings drawer: choices from the services, defaults from the configuration, held per session. */
class SettingsDrawerTest extends UiTest {

    InspectView inspect;

    /** Before the Vaadin environment starts: the layout that holds the drawer may be built at once. */
    SettingsDrawerTest() {
        config = Samples.config("ui.inspection.pattern-key", "demo-cat", "ui.inspection.min-score", "0.5",
                "ui.inspection.format", "jpeg");
        session = new SessionSettings(InspectionSettings.from(config.inspection()));
    }

    @BeforeEach
    void openInspect() {
        inspect = navigate(InspectView.class);
    }

    SettingsDrawer open() {
        test($(MainLayout.class).single().settingsButton).click();
        return $(SettingsDrawer.class).single();
    }

    @Test
    void itShowsTheSessionSettingsAndThePatternsToChooseFrom() {
        SettingsForm form = open().form;
        assertThat(form.patternKey.getValue()).isEqualTo("demo-cat");
        assertThat(form.minScore.getValue()).isEqualTo(0.5);
        assertThat(form.format.getValue()).isEqualTo("jpeg");
        assertThat(form.serialNumber.getValue()).isEmpty();
        assertThat(form.patternKey.getPlaceholder()).isEqualTo("default: demo-cat");
        assertThat(test(form.patternKey).getSuggestions()).containsExactly("demo-cat", "lid");
        assertThat(form.patternNote.getText())
                .isEqualTo("demo-cat: cat-centred (1 item); lid: two-screws (2 items), strict");
    }

    @Test
    void appliedSettingsHoldForTheSessionAndShowOnTheInspectView() {
        SettingsDrawer drawer = open();
        SettingsForm form = drawer.form;
        test(form.serialNumber).setValue("40012345");
        test(form.patternKey).selectItem("lid");
        test(form.minScore).setValue(0.7);
        test(form.format).selectItem("png");
        test(form.quality).setValue(80);
        test(form.roiRight).setValue(0.5);
        test(form.strict).selectItem(SettingsForm.STRICT_ON);
        test(drawer.apply).click();

        assertThat(drawer.isOpened()).isFalse();
        InspectionSettings s = session.current();
        assertThat(s.toQuery()).containsEntry("serial_number", "40012345").containsEntry("pattern_key", "lid")
                .containsEntry("min_score", "0.7").containsEntry("format", "png").containsEntry("quality", "80")
                .containsEntry("roi_right", "0.5").containsEntry("strict", "true");
        assertThat(inspect.settingsSummary.getText())
                .isEqualTo("pattern lid · min score 0.70 · camera 40012345 · strict");
    }

    @Test
    void invalidValuesAreNotApplied() {
        SettingsDrawer drawer = open();
        drawer.form.quality.setValue(5); // typed in: the browser lets it through, marked invalid
        test(drawer.apply).click();
        assertThat(drawer.isOpened()).isTrue();
        assertThat(drawer.error.getText()).isEqualTo("Some values are not valid: see the marked fields.");
        assertThat(drawer.form.quality.isInvalid()).isTrue();
        assertThat(session.current().getQuality()).isNull();

        drawer.form.quality.setValue(90);
        test(drawer.form.ipAddress).setValue("10.0.0.300");
        test(drawer.apply).click();
        assertThat(drawer.isOpened()).isTrue();
        assertThat(drawer.form.ipAddress.isInvalid()).isTrue();
    }

    @Test
    void defaultsBringBackTheConfiguredValues() {
        InspectionSettings changed = session.current();
        changed.setPatternKey("lid");
        changed.setMinScore(0.9);
        session.apply(changed);
        SettingsDrawer drawer = open();
        assertThat(drawer.form.patternKey.getValue()).isEqualTo("lid");
        test(drawer.reset).click();
        assertThat(drawer.form.patternKey.getValue()).isEqualTo("demo-cat");
        assertThat(drawer.form.minScore.getValue()).isEqualTo(0.5);
        test(drawer.apply).click();
        assertThat(session.current().getMinScore()).isEqualTo(0.5);
    }

    @Test
    void modelControlsAreBuiltFromTheManifestRanges() {
        SettingsForm form = open().form;
        assertThat(form.model.getValue()).isEqualTo("yolov5s-coco");
        NumberField score = (NumberField) form.parameterField("score_threshold");
        assertThat(score.getValue()).isEqualTo(0.25);
        assertThat(score.getMin()).isEqualTo(0.0);
        assertThat(score.getMax()).isEqualTo(1.0);
        assertThat(score.getStep()).isEqualTo(0.01);
        IntegerField max = (IntegerField) form.parameterField("max_detections");
        assertThat(max.getValue()).isEqualTo(300);
        assertThat(max.getMin()).isEqualTo(1);
        assertThat(max.getMax()).isEqualTo(1000);
    }

    @Test
    void aSelectableModelIsKeptInTheSessionWithItsChangedParameters() {
        SettingsDrawer drawer = open();
        SettingsForm form = drawer.form;
        assertThat(form.model.isReadOnly()).isFalse();
        test(form.model).selectItem("parts-v2 2.1.0 on cpu");
        assertThat(((NumberField) form.parameterField("score_threshold")).getValue()).isEqualTo(0.3);
        test((NumberField) form.parameterField("score_threshold")).setValue(0.4);
        test(drawer.apply).click();
        assertThat(session.current().getModel()).isEqualTo("parts-v2");
        assertThat(session.current().getModelParameters()).containsExactly(Map.entry("score_threshold", 0.4));

        SettingsForm again = open().form;
        assertThat(again.model.getValue()).isEqualTo("parts-v2");
        assertThat(((NumberField) again.parameterField("score_threshold")).getValue()).isEqualTo(0.4);
    }

    @Test
    void servicesThatCannotBeAskedAreNamedAndTheRestStillWorks() {
        setup.patternsFailure = new GatewayException("The inspection service (backend) cannot be reached.", null);
        setup.modelsFailure = new GatewayException("The inference service cannot be reached.", null);
        SettingsDrawer drawer = open();
        assertThat(drawer.form.patternNote.getText()).isEqualTo("The patterns cannot be listed: The inspection "
                + "service (backend) cannot be reached. A key can still be typed in.");
        assertThat(drawer.form.modelNote.getText())
                .isEqualTo("The models cannot be listed: The inference service cannot be reached.");
        test(drawer.form.minScore).setValue(0.6);
        test(drawer.apply).click();
        assertThat(session.current().getMinScore()).isEqualTo(0.6);
    }
}
