package io.visualinspection.frontend.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.visualinspection.frontend.service.GatewayException;
import io.visualinspection.frontend.service.HistoryGateway;
import io.visualinspection.frontend.service.ImageData;
import io.visualinspection.frontend.service.InspectionGateway;
import io.visualinspection.frontend.service.SessionSettings;
import io.visualinspection.model.InspectionRecord;
import io.visualinspection.model.InspectionResult;
import java.util.Optional;

/**
 * One inspection from the history: its decision (and the operator's verdict if overruled), both images, and its
 * record as JSON. The decision can be overruled here too.
 */
@Route(value = "history/:id", layout = MainLayout.class)
@PageTitle("Inspection")
public class InspectionDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final HistoryGateway history;
    private final InspectionGateway inspections;
    private final SessionSettings settings;

    final Div verdict = new Div();
    final Span summary = new Span();
    final Div overruleInfo = new Div();
    final Button overrule = new Button("Overrule decision");
    final Div images = new Div();
    final Pre json = new Pre();
    final Div error = new Div();
    private final Div content = new Div();
    private InspectionRecord record;

    public InspectionDetailView(HistoryGateway history, InspectionGateway inspections, SessionSettings settings) {
        this.history = history;
        this.inspections = inspections;
        this.settings = settings;
        addClassName("detail-view");
        setWidthFull();

        RouterLink back = new RouterLink("← History", HistoryView.class);
        back.setId("back-to-history");
        back.addClassName("back-link");

        verdict.setId("detail-verdict");
        verdict.addClassName("verdict");
        summary.setId("detail-summary");
        summary.addClassName("verdict-detail");
        overruleInfo.setId("detail-overrule");
        overruleInfo.addClassName("overrule-status");
        overrule.setId("detail-overrule-button");
        overrule.addThemeVariants(ButtonVariant.LUMO_LARGE);
        overrule.addClickListener(e -> openOverrule());
        images.setId("detail-images");
        images.addClassName("detail-images");
        json.setId("record-json");
        json.addClassName("record-json");
        Details record = new Details("Record (JSON)", json);
        record.setOpened(true);
        record.addClassName("record-details");
        error.setId("detail-error");
        error.addClassName("error-message");
        error.setVisible(false);

        Div actions = new Div(overruleInfo, overrule);
        actions.addClassName("detail-actions");
        content.add(verdict, summary, actions, images, record);
        content.addClassName("detail-content");
        add(back, error, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get("id").orElse(""));
    }

    void show(String id) {
        Optional<HistoryGateway.Detail> found;
        try {
            found = history.find(id);
        } catch (GatewayException e) {
            showError("The inspection cannot be shown: " + e.getMessage());
            return;
        }
        if (found.isEmpty()) {
            showError("There is no inspection " + id + " in the history.");
            return;
        }
        error.setVisible(false);
        content.setVisible(true);
        show(found.get().record());
        json.setText(found.get().json());
        images.removeAll();
        images.add(figure(id, false, "As taken"), figure(id, true, "Annotated"));
    }

    private void show(InspectionRecord r) {
        this.record = r;
        InspectionResult result = r.result();
        Boolean decision = r.finalDecision();
        verdict.removeClassNames("ok", "nok", "none");
        verdict.addClassName(Texts.decisionClass(decision));
        verdict.setText(Texts.decision(decision) + (r.overrule() != null ? " (overruled)" : ""));
        StringBuilder text = new StringBuilder(Texts.dateTime(result.timestamp()));
        String pattern = Texts.pattern(result);
        if (!pattern.isEmpty()) {
            text.append(" · ").append(pattern);
        }
        if (result.model() != null) {
            text.append(" · ").append(result.model());
            if (result.modelVersion() != null) {
                text.append(' ').append(result.modelVersion());
            }
        }
        String timings = Texts.timings(result.timingsMs());
        if (!timings.isEmpty()) {
            text.append(" · ").append(timings);
        }
        summary.setText(text.toString());
        if (r.overrule() != null) {
            overruleInfo.setText("Operator verdict " + Texts.overrule(r.overrule()) + " (system: "
                    + Texts.decision(result.decision()) + ")");
            overruleInfo.setVisible(true);
        } else {
            overruleInfo.setVisible(false);
        }
        getUI().ifPresent(ui -> ui.getPage().setTitle("Inspection " + r.id()));
    }

    private Component figure(String id, boolean drawn, String caption) {
        H3 title = new H3(caption);
        title.addClassName("panel-title");
        Div figure = new Div(title);
        figure.addClassName("detail-figure");
        Optional<ImageData> image;
        try {
            image = history.image(id, drawn);
        } catch (GatewayException e) {
            figure.add(note("The image cannot be loaded: " + e.getMessage()));
            return figure;
        }
        if (image.isEmpty()) {
            figure.add(note("This image was not kept by the backend."));
            return figure;
        }
        ImageData data = image.get();
        Image img = new Image(data.bytes(), id + (drawn ? "-drawn." : ".") + data.fileExtension(), data.mediaType());
        img.setId(drawn ? "detail-image-drawn" : "detail-image");
        img.setAlt(caption + " image of inspection " + id);
        img.addClassName("detail-image");
        figure.add(img);
        return figure;
    }

    private static Component note(String text) {
        Span s = new Span(text);
        s.addClassName("form-note");
        return s;
    }

    private void showError(String message) {
        record = null;
        error.setText(message);
        error.setVisible(true);
        content.setVisible(false);
    }

    void openOverrule() {
        InspectionRecord r = record;
        if (r == null) {
            return;
        }
        new OverruleDialog(r.id(), r.result().decision(), settings.operator(),
                (v, operator, comment) -> inspections.overrule(r.id(), v, operator, comment),
                updated -> {
                    if (updated.overrule() != null) {
                        settings.rememberOperator(updated.overrule().operator());
                    }
                    show(r.id());
                }).open();
    }
}
