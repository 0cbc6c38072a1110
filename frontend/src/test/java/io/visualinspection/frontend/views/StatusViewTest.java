package io.visualinspection.frontend.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

/** The health of each service, with reasons, and the links to dashboards and API docs. */
class StatusViewTest extends UiTest {

    /** UP, DEGRADED or DOWN, in the card's header. */
    String state(String service) {
        return ((Span) $(Card.class).id("status-" + service).getHeaderSuffix()).getText();
    }

    Anchor apiLink(String service) {
        return (Anchor) $(Card.class).id("status-" + service).getFooterComponents()[0];
    }

    @Test
    void eachServiceIsACardWithItsStateAndTheInferenceModels() {
        StatusView view = navigate(StatusView.class);
        tick();
        assertThat(view.cards.getComponentCount()).isEqualTo(3);
        assertThat(state("backend")).isEqualTo("UP");
        assertThat(state("camera")).isEqualTo("UP");
        assertThat($(Paragraph.class).id("status-inference-summary").getText())
                .isEqualTo("default model yolov5s-coco 1.0.11 on cpu");
        assertThat($(ListItem.class).all().stream().map(ListItem::getText))
                .contains("yolov5s-coco 1.0.11 on cpu · default", "parts-v2 2.1.0 on cpu");
        assertThat(view.checked.getText()).startsWith("Checked ");
    }

    @Test
    void aServiceThatIsNotUpSaysWhy() {
        status.next = Samples.cameraDisconnected();
        navigate(StatusView.class);
        tick();
        assertThat(state("camera")).isEqualTo("DEGRADED");
        assertThat($(Paragraph.class).id("status-camera-summary").getText()).isEqualTo("camera EMU-0001 disconnected");
        assertThat(state("inference")).isEqualTo("DOWN");
        assertThat($(Paragraph.class).id("status-inference-summary").getText())
                .isEqualTo("The inference service cannot be reached. Check that it is running.");
    }

    @Test
    void theLinksGoToTheDashboardsAndEachServicesApiDocs() {
        config = Samples.config("ui.links.grafana", "http://grafana.line1:3000/",
                "ui.links.backend-api", "http://line1-server:5051/q/swagger-ui");
        navigate(StatusView.class);
        tick();
        assertThat($(Anchor.class).id("link-prometheus").getHref()).isEqualTo("http://127.0.0.1:9090");
        assertThat($(Anchor.class).id("link-grafana").getHref()).isEqualTo("http://grafana.line1:3000/d/vi-line-overview");
        assertThat($(Anchor.class).id("link-grafana-performance").getHref())
                .isEqualTo("http://grafana.line1:3000/d/vi-performance");
        assertThat($(Anchor.class).id("link-grafana-jvm").getHref()).isEqualTo("http://grafana.line1:3000/d/vi-jvm");
        assertThat(apiLink("backend").getHref()).isEqualTo("http://line1-server:5051/q/swagger-ui");
        assertThat(apiLink("camera").getHref()).isEqualTo("http://127.0.0.1:5050/q/swagger-ui");
    }

    @Test
    void refreshChecksAgainAtOnce() {
        StatusView view = navigate(StatusView.class);
        int before = status.asked;
        test(view.refresh).click();
        assertThat(view.refresh.isEnabled()).isFalse();
        runBackground();
        assertThat(status.asked).isEqualTo(before + 1);
        assertThat(view.refresh.isEnabled()).isTrue();
        assertThat(view.cards.getComponentCount()).isEqualTo(3);
    }
}
