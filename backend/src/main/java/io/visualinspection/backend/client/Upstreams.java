package io.visualinspection.backend.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Turns each way an upstream can fail into an {@link UpstreamException} that names it. */
public final class Upstreams {

    private Upstreams() {
    }

    /**
     * An error answer of the upstream: its 4xx is the caller's to fix; 503 stays 503; the rest is 502. A 401 or
     * 403 refuses this backend's own token, not the caller's, so it is a 502 too (the caller must not take it for
     * its own credentials).
     */
    public static UpstreamException fromResponse(String upstream, int status, String detail) {
        if (status == 401 || status == 403) {
            return new UpstreamException(upstream, 502, "unauthorized", upstream + " refused this backend's "
                    + "credentials (HTTP " + status + ": " + detail + "); set backend." + upstream + ".token to a "
                    + "token it accepts", null);
        }
        if (status == 503) {
            return new UpstreamException(upstream, 503, "overloaded", upstream + " is unavailable: " + detail, null);
        }
        if (status == 504 || status == 408) {
            return new UpstreamException(upstream, 504, "timeout", upstream + " timed out: " + detail, null);
        }
        if (status >= 400 && status < 500) {
            return new UpstreamException(upstream, status, "refused", upstream + " refused the request: " + detail,
                    null);
        }
        return new UpstreamException(upstream, 502, "failed", upstream + " failed with HTTP " + status + ": " + detail,
                null);
    }

    /**
     * Inference refused an image the camera delivered as unreadable (or too large): the camera's fault, not the
     * caller's, so a 502 naming the camera instead of the 4xx an upload gets.
     */
    public static UpstreamException unusableCameraImage(UpstreamException refused) {
        return new UpstreamException("camera", 502, "bad_image", "camera delivered an image that cannot be "
                + "inspected (" + refused.getMessage() + ")", refused);
    }

    /** No answer: 504 when the upstream stayed silent past its timeout, else 502 (refused, reset, unknown host). */
    static UpstreamException fromTransport(String upstream, IOException e) {
        if (e instanceof SocketTimeoutException && !isConnectTimeout(e)) {
            return new UpstreamException(upstream, 504, "timeout", upstream + " did not answer in time", e);
        }
        String why = e instanceof UnknownHostException ? "unknown host " + e.getMessage()
                : e instanceof ConnectException || isConnectTimeout(e) ? "cannot connect (" + e.getMessage() + ")"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new UpstreamException(upstream, 502, "unreachable", upstream + " is unreachable: " + why, e);
    }

    /** HttpURLConnection reports a connect timeout as a SocketTimeoutException too, saying so in its message. */
    private static boolean isConnectTimeout(IOException e) {
        return e instanceof SocketTimeoutException && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("connect");
    }
}
