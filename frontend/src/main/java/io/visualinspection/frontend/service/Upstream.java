package io.visualinspection.frontend.service;

import io.visualinspection.model.ErrorResponse;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The services this UI calls, and how their failures read for an operator: the service's own message when it
 * sent one (the backend names the failing camera or model), otherwise what happened in plain words.
 */
public enum Upstream {

    BACKEND("the inspection service (backend)"),
    INFERENCE("the inference service"),
    CAMERA("the camera adapter");

    private static final Logger LOG = Logger.getLogger(Upstream.class);

    private final String label;

    Upstream(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Calls the service; a failure becomes a {@link GatewayException} with a message for the operator. */
    public <T> T call(String what, Supplier<T> call) {
        return call(what, call, GatewayException::new);
    }

    public <T> T call(String what, Supplier<T> call, BiFunction<String, Throwable, ? extends GatewayException> wrap) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            String message = message(e);
            LOG.logf(status >= 500 ? Logger.Level.WARN : Logger.Level.INFO, "%s: %s answered HTTP %d: %s", what,
                    name().toLowerCase(Locale.ROOT), status, message);
            throw wrap.apply(message, e);
        } catch (ProcessingException e) {
            String message = message(e);
            LOG.warnf("%s: %s", what, message);
            throw wrap.apply(message, e);
        }
    }

    /** The service's error message, or what its HTTP status means. */
    public String message(WebApplicationException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
        if (this == BACKEND && status == 401) {
            return "The inspection service requires a token: set ui.backend-token (UI_BACKEND_TOKEN) for this UI.";
        }
        if (this == BACKEND && status == 403) {
            return "The inspection service does not accept this UI's token (ui.backend-token).";
        }
        String sent = errorMessage(e);
        if (sent != null) {
            return sent;
        }
        return capitalised(label) + " answered HTTP " + status + ".";
    }

    /** What went wrong on the way: no connection, or no answer in time. */
    public String message(ProcessingException e) {
        if (timedOut(e)) {
            return capitalised(label) + " did not answer in time. Try again; if it keeps happening, check "
                    + (this == BACKEND ? "the camera and the inference service on the Status page." : "that it runs.");
        }
        return capitalised(label) + " cannot be reached. Check that it is running"
                + (this == BACKEND ? " (Status page)." : ".");
    }

    private static String errorMessage(WebApplicationException e) {
        try {
            ErrorResponse error = e.getResponse().readEntity(ErrorResponse.class);
            if (error != null && error.message() != null && !error.message().isBlank()) {
                return error.message();
            }
        } catch (RuntimeException ignored) {
            // not the project's error shape (e.g. an HTML page of a proxy)
        }
        return null;
    }

    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String type = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (type.contains("timeout") || text.contains("timeout") || text.contains("timed out")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
