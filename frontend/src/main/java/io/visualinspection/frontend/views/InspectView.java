package io.visualinspection.frontend.views;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.visualinspection.frontend.service.InspectionFailedException;
import io.visualinspection.frontend.service.InspectionGateway;
import io.visualinspection.model.InspectionResult;
import java.util.Locale;

/**
 * The operator's view: a large Trigger button (also Enter), a full-width OK/NOK verdict with pattern and
 * n/m items, and the image with the result drawn on it. Errors are shown as messages, never traces.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Inspect")
public class InspectView extends VerticalLayout {

    private final InspectionGateway inspections;
    final Button trigger = new Button("Trigger");
    final Div verdict = new Div();
    final Span detail = new Span();
    final Div error = new Div();
    final Image image = new Image();
    private int shown;

    public InspectView(InspectionGateway inspections) {
        this.inspections = inspections;
        addClassName("inspect-view");
        setWidthFull();

        trigger.setId("trigger");
        trigger.addClassName("trigger");
        trigger.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        trigger.addClickShortcut(Key.ENTER);
        trigger.setDisableOnClick(true);
        trigger.addClickListener(e -> runInspection());

        verdict.setId("verdict");
        verdict.addClassName("verdict");
        verdict.setText("Press Trigger to inspect");
        detail.setId("verdict-detail");
        detail.addClassName("verdict-detail");
        error.setId("error");
        error.addClassName("error-message");
        error.setVisible(false);
        image.setId("result-image");
        image.addClassName("result-image");
        image.setAlt("Inspected image with the result drawn on it");
        image.setVisible(false);

        add(trigger, verdict, detail, error, image);
    }

    void runInspection() {
        try {
            show(inspections.trigger());
        } catch (InspectionFailedException e) {
            showError(e.getMessage());
        } finally {
            trigger.setEnabled(true);
        }
    }

    void show(InspectionResult result) {
        markShown();
        error.setVisible(false);
        verdict.removeClassNames("ok", "nok", "none", "failed");
        Boolean decision = result.decision();
        verdict.setText(decision == null ? "NO DECISION" : decision ? "OK" : "NOK");
        verdict.addClassName(decision == null ? "none" : decision ? "ok" : "nok");
        StringBuilder text = new StringBuilder();
        if (result.patternKey() != null) {
            text.append(result.patternKey());
            if (result.patternName() != null) {
                text.append(" / ").append(result.patternName());
            }
            text.append(" · ").append(result.matchedItems()).append('/').append(result.totalItems()).append(" items");
        } else if (result.reason() != null) {
            text.append(result.reason());
        }
        if (result.timingsMs() != null && result.timingsMs().get("total") != null) {
            text.append(String.format(Locale.ROOT, " · %.0f ms", result.timingsMs().get("total")));
        }
        detail.setText(text.toString());
        String drawn = result.images() != null ? result.images().imgDrawn() : null;
        if (drawn != null) {
            image.setSrc("data:image/jpeg;base64," + drawn);
            image.setVisible(true);
        }
    }

    /** Counts results shown, so that tests and kiosks can tell a new result from a repeated verdict. */
    private void markShown() {
        verdict.getElement().setAttribute("data-shown", String.valueOf(++shown));
    }

    void showError(String message) {
        markShown();
        verdict.removeClassNames("ok", "nok", "none");
        verdict.addClassName("failed");
        verdict.setText("NOT INSPECTED");
        detail.setText("");
        error.setText(message);
        error.setVisible(true);
        image.setVisible(false);
    }
}
