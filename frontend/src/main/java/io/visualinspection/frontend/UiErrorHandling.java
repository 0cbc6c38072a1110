package io.visualinspection.frontend;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.visualinspection.frontend.service.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * What an operator sees when something fails that no view handled: a short message, never a trace. A
 * {@link GatewayException} already says what to do; anything else is logged with its trace and reported in
 * general terms.
 */
@ApplicationScoped
public class UiErrorHandling implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger LOG = Logger.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable t = event.getThrowable();
        GatewayException known = gatewayException(t);
        String message;
        if (known != null) {
            LOG.debugf("shown to the operator: %s", known.getMessage());
            message = known.getMessage();
        } else {
            LOG.error("unexpected error in the UI", t);
            message = "Something went wrong in the operator UI. Try again; the UI's log has the details.";
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> {
                Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        }
    }

    private static GatewayException gatewayException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof GatewayException g) {
                return g;
            }
        }
        return null;
    }
}
