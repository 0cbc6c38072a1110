package io.visualinspection.backend.client;

import io.visualinspection.model.ErrorResponse;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Calls an upstream and turns each way it can fail into an {@link UpstreamException} that names it. */
public final class Upstreams {

    private Upstreams() {
    }

    public static <T> T call(String upstream, Supplier<T> call) {
        try {
            return call.get();
        } catch (UpstreamException e) {
            throw e; // already says which upstream failed how
        } catch (WebApplicationException e) {
            throw fromResponse(upstream, e.getResponse(), e);
        } catch (ProcessingException e) {
            throw fromTransport(upstream, e);
        } catch (RuntimeException e) {
            if (isTimeout(e) || isUnreachable(e)) {
                throw fromTransport(upstream, e);
            }
            throw e;
        }
    }

    /**
     * An error answer of the upstream: its 4xx is the caller's to fix; 503 stays 503; the rest is 502. A 401 or
     * 403 refuses this backend's own token, not the caller's, so it is a 502 too (the caller must not take it for
     * its own credentials).
     */
    public static UpstreamException fromResponse(String upstream, Response response, Throwable cause) {
        int status = response.getStatus();
        String detail = message(response);
        if (status == 401 || status == 403) {
            return new UpstreamException(upstream, 502, "unauthorized", upstream + " refused this backend's "
                    + "credentials (HTTP " + status + ": " + detail + "); set backend." + upstream + ".token to a "
                    + "token it accepts", cause);
        }
        if (status == 503) {
            return new UpstreamException(upstream, 503, "overloaded", upstream + " is unavailable: " + detail, cause);
        }
        if (status == 504 || status == 408) {
            return new UpstreamException(upstream, 504, "timeout", upstream + " timed out: " + detail, cause);
        }
        if (status >= 400 && status < 500) {
            return new UpstreamException(upstream, status, "refused", upstream + " refused the request: " + detail,
                    cause);
        }
        return new UpstreamException(upstream, 502, "failed", upstream + " failed with HTTP " + status + ": " + detail,
                cause);
    }

    /**
     * Inference refused an image the camera delivered as unreadable (or too large): the camera's fault, not the
     * caller's, so a 502 naming the camera instead of the 4xx an upload gets.
     */
    public static UpstreamException unusableCameraImage(UpstreamException refused) {
        return new UpstreamException("camera", 502, "bad_image", "camera delivered an image that cannot be "
                + "inspected (" + refused.getMessage() + ")", refused);
    }

    static UpstreamException fromTransport(String upstream, Throwable e) {
        if (isTimeout(e)) {
            return new UpstreamException(upstream, 504, "timeout", upstream + " did not answer in time", e);
        }
        return new UpstreamException(upstream, 502, "unreachable", upstream + " is unreachable: " + rootMessage(e), e);
    }

    private static String message(Response response) {
        try {
            response.bufferEntity();
            ErrorResponse error = response.readEntity(ErrorResponse.class);
            if (error != null && error.message() != null) {
                return error.message();
            }
        } catch (RuntimeException ignored) {
            // not our error shape: fall back to the text
        }
        try {
            String text = response.readEntity(String.class);
            return text == null || text.isBlank() ? "HTTP " + response.getStatus()
                    : text.length() > 300 ? text.substring(0, 300) + "..." : text;
        } catch (RuntimeException e) {
            return "HTTP " + response.getStatus();
        }
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException
                    || name.contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException
                    || t.getClass().getName().contains("ConnectException")
                    || t.getClass().getName().contains("ConnectionClosed")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
