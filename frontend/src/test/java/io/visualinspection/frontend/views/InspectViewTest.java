package io.visualinspection.frontend.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import io.visualinspection.frontend.service.GatewayException;
import io.visualinspection.frontend.service.InspectionSettings;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Inspect view without a browser: what the operator sees for each kind of outcome. */
class InspectViewTest extends UiTest {

    InspectView view;

    @BeforeEach
    void showView() {
        view = navigate(InspectView.class);
    }

    /** Press Trigger, let the inspection run in the background, and show its result. */
    void trigger() {
        test(view.trigger).click();
        runBackground();
    }

    static List<String> texts(com.vaadin.flow.component.Component list) {
        return list.getChildren().map(c -> ((ListItem) c).getText()).toList();
    }

    @Test
    void aPassShowsAGreenOkWithPatternItemsAndTime() {
        inspections.outcomes.add(() -> Samples.result("id-1", true, List.of(true, true)));
        trigger();
        assertThat(view.verdict.getText()).isEqualTo("OK");
        assertThat(view.verdict.getClassNames()).contains("ok");
        assertThat(view.detail.getText()).isEqualTo("demo-cat / cat-centred · 2/2 items · 812 ms");
        assertThat(view.image.isVisible()).isTrue();
        assertThat(view.image.getSrc()).isEqualTo("data:image/jpeg;base64," + Samples.JPEG);
        assertThat(view.trigger.isEnabled()).isTrue();
        assertThat(view.progress.isVisible()).isFalse();
    }

    @Test
    void theResultListsEachItemTheDetectionsAndTheTimings() {
        inspections.outcomes.add(() -> Samples.result("id-1", false, List.of(true, false)));
        trigger();
        assertThat(view.itemsTitle.getText()).isEqualTo("Items of cat-centred (1/2)");
        assertThat(texts(view.items)).containsExactly("✔ Item 1: found", "✘ Item 2: missing",
                "1 of 2 items of variant 'cat-centred' not found");
        assertThat(texts(view.detections)).containsExactly("cat 0.91", "person 0.30 (below min score)");
        assertThat(view.timings.getText())
                .isEqualTo("camera 40 ms · inference 700 ms · pattern 0 ms · total 812 ms");
        assertThat(view.inspectionId.getText()).isEqualTo("Inspection id-1");
    }

    @Test
    void aFailShowsARedNokWithTheItemsFound() {
        inspections.outcomes.add(() -> Samples.result("id-1", false, List.of(true, false)));
        trigger();
        assertThat(view.verdict.getText()).isEqualTo("NOK");
        assertThat(view.verdict.getClassNames()).contains("nok").doesNotContain("ok");
        assertThat(view.detail.getText()).startsWith("demo-cat / cat-centred · 1/2 items");
    }

    @Test
    void noPatternShowsTheReason() {
        inspections.outcomes.add(() -> Samples.result("id-1", null, null));
        trigger();
        assertThat(view.verdict.getText()).isEqualTo("NO DECISION");
        assertThat(view.detail.getText()).startsWith("no pattern is configured");
        assertThat(texts(view.items)).containsExactly("no pattern is configured");
    }

    @Test
    void theToggleShowsTheImageAsTakenAndBack() {
        inspections.outcomes.add(() -> Samples.result("id-1", true, List.of(true)));
        trigger();
        assertThat(view.image.getElement().getAttribute("data-variant")).isEqualTo("annotated");
        test(view.imageToggle).select(1);
        assertThat(view.image.getSrc()).isEqualTo("data:image/png;base64," + Samples.PNG);
        assertThat(view.image.getElement().getAttribute("data-variant")).isEqualTo("raw");
        test(view.imageToggle).select(0);
        assertThat(view.image.getSrc()).startsWith("data:image/jpeg;base64,");
    }

    @Test
    void anErrorIsAMessageAndTheOldResultIsHidden() {
        inspections.outcomes.add(() -> Samples.result("id-1", true, List.of(true)));
        inspections.fails("camera is unavailable: camera EMU-0001 disconnected");
        trigger();
        trigger();
        assertThat(view.verdict.getText()).isEqualTo("NOT INSPECTED");
        assertThat(view.verdict.getClassNames()).contains("failed").doesNotContain("ok");
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).isEqualTo("camera is unavailable: camera EMU-0001 disconnected");
        assertThat(view.result.isVisible()).isFalse();
        assertThat(view.trigger.isEnabled()).as("ready for the next try").isTrue();
    }

    @Test
    void anUnexpectedFailureIsAMessageWithoutTrace() {
        inspections.outcomes.add(() -> {
            throw new IllegalStateException("boom at io.visualinspection.Something.method(Something.java:12)");
        });
        trigger();
        assertThat(view.error.getText()).isEqualTo("The inspection failed unexpectedly. The UI's log has the details.");
    }

    @Test
    void whileAnInspectionRunsTheButtonIsDisabledAndProgressShows() {
        inspections.outcomes.add(() -> Samples.result("id-1", true, List.of(true)));
        test(view.trigger).click();
        assertThat(view.trigger.isEnabled()).isFalse();
        assertThat(view.progress.isVisible()).isTrue();
        assertThat(view.progressText.isVisible()).isTrue();

        view.runInspection(); // a second press (or Enter) while running
        assertThat(tasks.queued).as("no second inspection").hasSize(1);

        runBackground();
        assertThat(view.trigger.isEnabled()).isTrue();
        assertThat(view.progress.isVisible()).isFalse();
        assertThat(inspections.triggeredWith).hasSize(1);
    }

    @Test
    void enterTriggersToo() {
        inspections.outcomes.add(() -> Samples.result("id-1", true, List.of(true)));
        fireShortcut(Key.ENTER);
        runBackground();
        assertThat(view.verdict.getText()).isEqualTo("OK");
        assertThat(inspections.outcomes).isEmpty();
    }

    @Test
    void theSessionSettingsGoWithTheTriggerAndAreShown() {
        InspectionSettings s = session.current();
        s.setPatternKey("lid");
        s.setMinScore(0.7);
        s.setSerialNumber("40012345");
        session.apply(s);
        com.vaadin.flow.component.ComponentUtil.fireEvent(UI.getCurrent(), new SettingsChanged(UI.getCurrent()));
        assertThat(view.settingsSummary.getText()).isEqualTo("pattern lid · min score 0.70 · camera 40012345");

        inspections.outcomes.add(() -> Samples.result("id-1", true, List.of(true)));
        trigger();
        assertThat(inspections.triggeredWith.get(0).toQuery()).containsEntry("pattern_key", "lid")
                .containsEntry("min_score", "0.7").containsEntry("serial_number", "40012345");
    }

    @Test
    void overrulingRecordsTheOperatorsVerdict() {
        inspections.outcomes.add(() -> Samples.result("id-1", true, List.of(true)));
        trigger();
        test(view.overrule).click();
        OverruleDialog dialog = $(OverruleDialog.class).first();
        assertThat(dialog.verdict.getValue()).as("the opposite of the system's decision").isFalse();
        test(dialog.operator).setValue("Anna");
        test(dialog.comment).setValue("scratch on the lid");
        test(dialog.save).click();

        assertThat(inspections.overrules).containsExactly("id-1 false Anna scratch on the lid");
        assertThat(dialog.isOpened()).isFalse();
        assertThat(view.overruleStatus.isVisible()).isTrue();
        assertThat(view.overruleStatus.getText()).startsWith("Operator verdict recorded: NOK by Anna at ")
                .endsWith(": scratch on the lid");
        assertThat(session.operator()).isEqualTo("Anna");
    }

    @Test
    void anOverruleNeedsANameAndShowsWhyItWasNotRecorded() {
        inspections.outcomes.add(() -> Samples.result("id-1", false, List.of(false)));
        trigger();
        test(view.overrule).click();
        OverruleDialog dialog = $(OverruleDialog.class).first();
        test(dialog.save).click();
        assertThat(dialog.error.getText()).isEqualTo("Enter your name.");
        assertThat(inspections.overrules).isEmpty();

        inspections.overruleFailure = new GatewayException("no inspection id-1 in the history or the archive", null);
        test(dialog.operator).setValue("Ben");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.error.getText()).isEqualTo("Not recorded: no inspection id-1 in the history or the archive");
        assertThat(view.overruleStatus.isVisible()).isFalse();
    }
}
