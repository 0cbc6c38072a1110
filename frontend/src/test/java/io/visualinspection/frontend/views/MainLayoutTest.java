package io.visualinspection.frontend.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Header, navigation and footer: the configured names, the live status dot and the settings drawer. */
class MainLayoutTest extends UiTest {

    MainLayout layout;

    @BeforeEach
    void open() {
        navigate(InspectView.class);
        layout = $(MainLayout.class).single();
    }

    @Test
    void theHeaderAndFooterShowWhatIsConfigured() {
        assertThat($(Span.class).id("line-name").getText()).isEqualTo("Line 7");
        assertThat($(Span.class).id("footer-text").getText()).isEqualTo("Plant 2 · hotline 1234");
        assertThat(layout.statusLabel.getText()).isEqualTo("Checking…");
        assertThat(layout.statusDot.getClassNames()).contains("unknown");
    }

    @Test
    void theStatusDotFollowsTheServicesInTheBackground() {
        tick();
        assertThat(layout.statusDot.getClassNames()).contains("up");
        assertThat(layout.statusLabel.getText()).isEqualTo("All services up");
        assertThat(layout.footerStatus.getText()).startsWith("All services up · checked ");

        status.next = Samples.cameraDisconnected();
        tick();
        assertThat(layout.statusDot.getClassNames()).contains("down").doesNotContain("up");
        assertThat(layout.statusDot.getElement().getAttribute("title"))
                .contains("Camera adapter: camera EMU-0001 disconnected")
                .contains("Inference: The inference service cannot be reached.");
        assertThat(layout.statusLabel.getText()).isEqualTo("Service down");
    }

    @Test
    void theSettingsButtonOpensTheDrawer() {
        test(layout.settingsButton).click();
        assertThat($(SettingsDrawer.class).single().isOpened()).isTrue();
    }

    @Test
    void theLayoutKeepsOneStatusCheckAndEveryViewStopsItsOwnWhenLeft() {
        long layoutChecks = tasks.active();
        assertThat(layoutChecks).isEqualTo(1);
        navigate(StatusView.class);
        assertThat(tasks.active()).isEqualTo(2);
        navigate(HistoryView.class);
        assertThat(tasks.active()).as("status view's checks stopped, history's started").isEqualTo(2);
        navigate(InspectView.class);
        assertThat(tasks.active()).isEqualTo(1);
    }
}
