package io.visualinspection.frontend.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Image;
import io.visualinspection.frontend.service.GatewayException;
import io.visualinspection.frontend.service.ImageData;
import io.visualinspection.model.InspectionRecord;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One inspection: decision, both images, the record as JSON, and its overrule. */
class InspectionDetailViewTest extends UiTest {

    @BeforeEach
    void oneInspection() {
        history.records.add(Samples.record("id-1", false));
        history.images.put("id-1/raw", ImageData.of(Base64.getDecoder().decode(Samples.PNG)));
        history.images.put("id-1/drawn", ImageData.of(Base64.getDecoder().decode(Samples.JPEG)));
    }

    InspectionDetailView open(String id) {
        return navigate("history/" + id, InspectionDetailView.class);
    }

    @Test
    void itShowsTheDecisionBothImagesAndTheRecord() {
        InspectionDetailView view = open("id-1");
        assertThat(view.verdict.getText()).isEqualTo("NOK");
        assertThat(view.verdict.getClassNames()).contains("nok");
        assertThat(view.summary.getText()).contains("demo-cat / cat-centred · 0/1 items")
                .contains("yolov5s-coco 1.0.11").contains("total 812 ms");
        assertThat($(Image.class).id("detail-image").getAlt()).hasValue("As taken image of inspection id-1");
        assertThat($(Image.class).id("detail-image-drawn").getAlt()).hasValue("Annotated image of inspection id-1");
        assertThat(view.json.getText()).contains("\"inspection_id\": \"id-1\"");
        assertThat(view.overruleInfo.isVisible()).isFalse();
    }

    @Test
    void anImageTheBackendDidNotKeepIsSaidSo() {
        history.images.remove("id-1/raw");
        InspectionDetailView view = open("id-1");
        assertThat($(Image.class).withId("detail-image").exists()).isFalse();
        assertThat(view.images.getElement().getText() + view.images.getElement().getChild(0).getTextRecursively())
                .contains("This image was not kept by the backend.");
    }

    @Test
    void anUnknownIdIsAMessage() {
        InspectionDetailView view = open("nope");
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).isEqualTo("There is no inspection nope in the history.");
    }

    @Test
    void aBackendFailureIsAMessage() {
        history.failure = new GatewayException("The inspection service (backend) did not answer in time.", null);
        InspectionDetailView view = open("id-1");
        assertThat(view.error.getText())
                .isEqualTo("The inspection cannot be shown: The inspection service (backend) did not answer in time.");
    }

    @Test
    void anOverruledInspectionShowsBothVerdicts() {
        history.records.set(0, history.records.get(0).withOverrule(new InspectionRecord.Overrule(true, "Anna",
                "label only", Instant.parse("2026-11-22T10:42:05Z"))));
        InspectionDetailView view = open("id-1");
        assertThat(view.verdict.getText()).isEqualTo("OK (overruled)");
        assertThat(view.overruleInfo.getText()).startsWith("Operator verdict OK by Anna at ")
                .endsWith(": label only (system: NOK)");
    }

    @Test
    void theDecisionCanBeOverruledHere() {
        InspectionDetailView view = open("id-1");
        test(view.overrule).click();
        OverruleDialog dialog = $(OverruleDialog.class).first();
        assertThat(dialog.verdict.getValue()).isTrue();
        test(dialog.operator).setValue("Ben");
        test(dialog.save).click();
        assertThat(inspections.overrules).containsExactly("id-1 true Ben null");
        assertThat(session.operator()).isEqualTo("Ben");
    }
}
