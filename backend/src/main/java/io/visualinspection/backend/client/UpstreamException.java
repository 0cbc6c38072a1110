package io.visualinspection.backend.client;

/**
 * An upstream service failed: unreachable (502), too slow (504), overloaded (503), or it refused what the
 * caller asked (its 4xx passed on). The message names the upstream.
 */
public class UpstreamException extends RuntimeException {

    private final String upstream;
    private final int status;
    private final String kind;

    public UpstreamException(String upstream, int status, String kind, String message, Throwable cause) {
        super(message, cause);
        this.upstream = upstream;
        this.status = status;
        this.kind = kind;
    }

    public String upstream() {
        return upstream;
    }

    /** The HTTP status this backend answers with. */
    public int status() {
        return status;
    }

    /** unreachable, timeout, overloaded, refused, unauthorized, failed, bad_image: for metrics. */
    public String kind() {
        return kind;
    }

    /**
     * Whether the upstream refused what the caller asked (its 4xx, passed on): the caller's to fix, so not an
     * upstream fault to count or alert on.
     */
    public boolean callersToFix() {
        return "refused".equals(kind);
    }
}
