package io.visualinspection.frontend.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import io.visualinspection.frontend.service.InspectionFailedException;
import io.visualinspection.frontend.service.InspectionGateway;
import io.visualinspection.model.InspectionResult;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Inspect view without a browser: what the operator sees for each kind of outcome. */
class InspectViewTest extends BrowserlessTest {

    final Deque<Supplier<InspectionResult>> outcomes = new ArrayDeque<>();
    InspectView view;

    /** Views are built here with a fake gateway, not discovered as routes (they need injection). */
    @Override
    protected Set<String> scanPackages() {
        return Set.of("io.visualinspection.frontend.service");
    }

    @BeforeEach
    void showView() {
        InspectionGateway gateway = () -> outcomes.removeFirst().get();
        view = new InspectView(gateway);
        UI.getCurrent().add(view);
    }

    static InspectionResult result(Boolean decision, List<Boolean> lg, String reason) {
        return new InspectionResult("id-1", Instant.now(), decision, reason, decision == null ? null : "demo-cat",
                decision == null ? null : "cat-centred", lg, new InspectionResult.Images(null, "AAAA"), null,
                "yolov5s-coco", "1", 451, 300, 0.5, Map.of("total", 812.4));
    }

    @Test
    void aPassShowsAGreenOkWithPatternItemsAndTime() {
        outcomes.add(() -> result(true, List.of(true, true), null));
        test(view.trigger).click();
        assertThat(view.verdict.getText()).isEqualTo("OK");
        assertThat(view.verdict.getClassNames()).contains("ok");
        assertThat(view.detail.getText()).isEqualTo("demo-cat / cat-centred · 2/2 items · 812 ms");
        assertThat(view.image.isVisible()).isTrue();
        assertThat(view.image.getSrc()).isEqualTo("data:image/jpeg;base64,AAAA");
        assertThat(view.trigger.isEnabled()).isTrue();
    }

    @Test
    void aFailShowsARedNokWithTheItemsFound() {
        outcomes.add(() -> result(false, List.of(true, false), "1 of 2 items of variant 'cat-centred' not found"));
        test(view.trigger).click();
        assertThat(view.verdict.getText()).isEqualTo("NOK");
        assertThat(view.verdict.getClassNames()).contains("nok").doesNotContain("ok");
        assertThat(view.detail.getText()).startsWith("demo-cat / cat-centred · 1/2 items");
    }

    @Test
    void noPatternShowsTheReason() {
        outcomes.add(() -> result(null, List.of(), "no pattern is configured"));
        test(view.trigger).click();
        assertThat(view.verdict.getText()).isEqualTo("NO DECISION");
        assertThat(view.detail.getText()).startsWith("no pattern is configured");
    }

    @Test
    void anErrorIsAMessageAndTheOldImageIsHidden() {
        outcomes.add(() -> result(true, List.of(true), null));
        outcomes.add(() -> {
            throw new InspectionFailedException("camera did not answer in time", null);
        });
        test(view.trigger).click();
        test(view.trigger).click();
        assertThat(view.verdict.getText()).isEqualTo("NOT INSPECTED");
        assertThat(view.verdict.getClassNames()).contains("failed").doesNotContain("ok");
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).isEqualTo("camera did not answer in time");
        assertThat(view.image.isVisible()).isFalse();
        assertThat(view.trigger.isEnabled()).as("ready for the next try").isTrue();
    }

    @Test
    void enterTriggersToo() {
        outcomes.add(() -> result(true, List.of(true), null));
        fireShortcut(Key.ENTER);
        assertThat(view.verdict.getText()).isEqualTo("OK");
        assertThat(outcomes).isEmpty();
    }
}
