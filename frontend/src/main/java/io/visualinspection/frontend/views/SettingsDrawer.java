package io.visualinspection.frontend.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.visualinspection.frontend.service.GatewayException;
import io.visualinspection.frontend.service.InspectionSettings;
import io.visualinspection.frontend.service.LineSetupGateway;
import io.visualinspection.frontend.service.SessionSettings;
import java.util.Optional;

/**
 * The settings drawer: the session's inspection settings in a {@link SettingsForm}, with the backend's patterns
 * and the inference service's models to choose from. Applied settings hold for this browser session.
 */
public class SettingsDrawer extends Dialog {

    private static final String WIDTH = "min(44rem, 100vw - 2 * var(--lumo-space-m))";

    final SettingsForm form = new SettingsForm();
    final Button apply = new Button("Apply");
    final Button reset = new Button("Defaults");
    final Button close = new Button("Close");
    final Div error = new Div();
    private final SessionSettings settings;
    private final Runnable onApplied;

    public SettingsDrawer(SessionSettings settings, LineSetupGateway setup, Runnable onApplied) {
        this.settings = settings;
        this.onApplied = onApplied;
        setId("settings-drawer");
        addClassName("settings-drawer");
        setHeaderTitle("Inspection settings");
        // A side sheet on the right, the height of the screen (less the overlay's own margin).
        setWidth(WIDTH);
        setHeight("calc(100vh - 2 * var(--lumo-space-m))");
        setTop("0");
        setLeft("calc(100vw - " + WIDTH + " - 2 * var(--lumo-space-m))");

        Paragraph about = new Paragraph("These settings hold for this browser session. Empty fields use the "
                + "backend's defaults.");
        about.addClassName("form-note");
        error.setId("settings-error");
        error.addClassName("error-message");
        error.setVisible(false);
        add(about, error, form);

        try {
            form.setPatterns(setup.patterns());
        } catch (GatewayException e) {
            form.patternsUnavailable(e.getMessage());
        }
        try {
            form.setModels(setup.models());
        } catch (GatewayException e) {
            form.modelsUnavailable(e.getMessage());
        }
        form.read(settings.current());

        apply.setId("settings-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        apply.addClickListener(e -> apply());
        reset.setId("settings-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_LARGE);
        reset.addClickListener(e -> form.read(settings.defaults()));
        reset.setTooltipText("Show the configured defaults (Apply to use them)");
        close.setId("settings-close");
        close.addThemeVariants(ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_TERTIARY);
        close.addClickListener(e -> close());
        getFooter().add(close, reset, apply);
    }

    void apply() {
        Optional<InspectionSettings> written = form.write(settings.current());
        if (written.isEmpty()) {
            error.setText("Some values are not valid: see the marked fields.");
            error.setVisible(true);
            return;
        }
        if (!written.get().problems().isEmpty()) {
            error.setText(String.join("; ", written.get().problems()));
            error.setVisible(true);
            return;
        }
        settings.apply(written.get());
        error.setVisible(false);
        close();
        onApplied.run();
        Notification n = Notification.show("Settings applied: " + written.get().summary(), 3000,
                Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
